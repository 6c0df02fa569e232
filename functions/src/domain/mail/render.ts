import type { RenderedMail } from './layout';
import { groupInvitation } from './templates/group-invitation';
import { notification, notificationDigest } from './templates/notifications';
import { preregistrationAlready, preregistrationConfirm } from './templates/preregistration';
import { spaceMessage } from './templates/mailing';
import { exportReady } from './templates/privacy';
import { resetPassword } from './templates/reset-password';
import { signInUnlock } from './templates/sign-in-unlock';
import { signUpAlready } from './templates/sign-up-already';
import { verifyEmail } from './templates/verify-email';
import { waveLaunch } from './templates/wave-launch';
import { eventAnnouncement, eventChanged, eventPlaceFreed, eventReminder, eventSlotConfirmed, eventVisitorAnswer } from './templates/events';

/**
 * Every mail Coopol sends, by name. A template is a function of its data to `{subject, text, html}`,
 * built on `layoutMail` (layout.ts) so all mails share one look. To add one (rollout-wave launch,
 * event announcement…): a file in templates/, one line here.
 */
export const mailTemplates = {
  'verify-email': verifyEmail,
  'reset-password': resetPassword,
  'sign-in-unlock': signInUnlock,
  'sign-up-already': signUpAlready,
  'preregistration-confirm': preregistrationConfirm,
  'preregistration-already': preregistrationAlready,
  'wave-launch': waveLaunch,
  // Events (issue 6)
  'event-announcement': eventAnnouncement,
  'event-reminder': eventReminder,
  'event-changed': eventChanged,
  'event-place-freed': eventPlaceFreed,
  'event-slot-confirmed': eventSlotConfirmed,
  'event-visitor-answer': eventVisitorAnswer,
  // Social (issue 5)
  'group-invitation': groupInvitation,
  notification,
  'notification-digest': notificationDigest,
  // Messages to a space's members (issue 16)
  'space-message': spaceMessage,
  // Privacy (issue 14)
  'export-ready': exportReady,
} satisfies Record<string, (data: never) => RenderedMail>;

export type MailTemplateName = keyof typeof mailTemplates;
export type MailData<T extends MailTemplateName> = Parameters<(typeof mailTemplates)[T]>[0];

export function renderMail<T extends MailTemplateName>(template: T, data: MailData<T>): RenderedMail {
  const render = mailTemplates[template] as (data: MailData<T>) => RenderedMail;
  return render(data);
}

export type { RenderedMail } from './layout';
