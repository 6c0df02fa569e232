import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { renderMail, type MailTemplateName } from '../domain/mail/render';

/**
 * The mails Cognito sends with our text; other sources keep the user pool's own messages. Sign-up
 * codes are not Cognito's: the API mails them itself (sign-up attempts, ADR 0015).
 */
const templates: Partial<Record<CustomMessageTriggerEvent['triggerSource'], MailTemplateName>> = {
  CustomMessage_ForgotPassword: 'reset-password',
};

/**
 * Cognito CustomMessage: the French subject and HTML of the code mails, from the mail module.
 * The code is Cognito's placeholder (`codeParameter`, `{####}`): Cognito puts the real code in and
 * sends the mail itself, through SES (the user pool's email configuration).
 */
export const handler = async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
  const template = templates[event.triggerSource];
  if (!template) return event;
  const mail = renderMail(template, { code: event.request.codeParameter, givenName: event.request.userAttributes.given_name });
  event.response.emailSubject = mail.subject;
  event.response.emailMessage = mail.html;
  return event;
};
