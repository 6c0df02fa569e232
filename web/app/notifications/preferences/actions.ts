'use server';

import { NotificationKind, routes } from '@coopol/contracts';
import { redirect, unstable_rethrow } from 'next/navigation';
import { t } from '../../../i18n';
import { all, failure, text } from '../../../lib/form-actions';
import type { FormState } from '../../../lib/form-state';
import { callAsSignedIn, requireSession } from '../../../lib/session';

const kinds = NotificationKind.options;
type Mode = 'immediate' | 'daily' | 'weekly' | 'never';

export async function savePreferences(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession('/notifications/preferences');
  const email = Object.fromEntries(kinds.map((kind) => [kind, text(form, kind) as Mode]));
  const values = { ...email, mutedGroups: all(form, 'mutedGroups') };
  try {
    await callAsSignedIn(session, '/notifications/preferences', routes.updateNotificationSettings, { body: { email, mutedGroups: all(form, 'mutedGroups') } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, [...kinds, 'mutedGroups']);
  }
  return { status: 'done', message: t('preferences.saved'), values };
}

type SpaceType = 'national' | 'federation' | 'section' | 'group';

/**
 * « Mails reçus »: every switch listed on the page is sent, ticked or not (`type:id/kind`). A plain
 * form posted to this action (not `ActionForm`, whose client-side submit needs JavaScript): the page
 * comes back with its notice in the query, with or without JavaScript.
 */
export async function saveMailSubscriptions(form: FormData): Promise<void> {
  const session = await requireSession('/notifications/preferences');
  const ticked = all(form, 'subscribed');
  const items = all(form, 'listed').flatMap((key) => {
    const match = /^(national|federation|section|group):([\w-]+)\/(messages)$/.exec(key);
    return match ? [{ space: { type: match[1] as SpaceType, id: match[2]! }, kind: match[3] as 'messages', subscribed: ticked.includes(key) }] : [];
  });
  let outcome = 'enregistres';
  try {
    await callAsSignedIn(session, '/notifications/preferences', routes.updateMyMailSubscriptions, { body: { eventAnnouncements: all(form, 'announcements').includes('on'), items } });
  } catch (error) {
    unstable_rethrow(error);
    outcome = 'erreur';
  }
  redirect(`/notifications/preferences?mails=${outcome}#mails-recus`);
}
