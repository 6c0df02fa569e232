'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { text } from '../../lib/form-actions';
import { callAsSignedIn, requireSession } from '../../lib/session';

/** Ask, accept, decline, cancel or remove: one button each on the friends page. */
export async function changeFriendship(form: FormData): Promise<void> {
  const session = await requireSession('/coopains');
  const userId = text(form, 'userId');
  const action = text(form, 'action');
  const route = action === 'ask' ? routes.requestFriend : action === 'accept' ? routes.acceptFriend : routes.removeFriend;
  await callAsSignedIn(session, '/coopains', route, { params: { userId } });
  refresh();
}
