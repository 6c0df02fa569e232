import type { Context, ScheduledEvent } from 'aws-lambda';
import { sendDueDigests } from '../domain/social/digests';

/**
 * Every hour (a recurring rule, infra/jobs.ts): sends the daily and weekly digests that are due, a
 * page of people at a time, from the markers notifications left (never a load of everyone).
 */
export const handler = async (event: Partial<ScheduledEvent>, context: Context): Promise<{ sent: number }> => {
  const now = event.time ? new Date(event.time) : new Date();
  return { sent: await sendDueDigests(now, () => context.getRemainingTimeInMillis()) };
};
