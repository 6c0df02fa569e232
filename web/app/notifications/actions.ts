'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { callAsSignedIn, requireSession } from '../../lib/session';

export async function markAllRead(): Promise<void> {
  const session = await requireSession('/notifications');
  await callAsSignedIn(session, '/notifications', routes.markNotificationsRead, {});
  refresh();
}
