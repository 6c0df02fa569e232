import type { Context, ScheduledEvent } from 'aws-lambda';
import { mailOfflineReaders } from '../domain/messaging/offline-mail';

/**
 * Every minute (a recurring rule, infra/jobs.ts): unread messages whose reader has been away long
 * enough are told them, as their notification preferences say (ADR 0029 § The offline mail).
 */
export const handler = async (event: Partial<ScheduledEvent>, context: Context): Promise<{ looked: number; told: number }> => {
  const now = event.time ? new Date(event.time) : new Date();
  return mailOfflineReaders(now, () => context.getRemainingTimeInMillis());
};
