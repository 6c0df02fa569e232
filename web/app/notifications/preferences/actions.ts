'use server';

import { routes } from '@coopol/contracts';
import { unstable_rethrow } from 'next/navigation';
import { t } from '../../../i18n';
import { all, failure, text } from '../../../lib/form-actions';
import type { FormState } from '../../../lib/form-state';
import { callAsSignedIn, requireSession } from '../../../lib/session';

const kinds = ['comment', 'friend-request', 'group-request', 'group-invitation', 'mention'] as const;
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
