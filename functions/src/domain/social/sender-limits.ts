import type { SenderAction } from '../../contracts/errors';
import { spendRate, type RateLimit } from '../limits/rate-limits';

/**
 * What one person may have Coopol mail others in an hour and a day: group invitations (to any
 * address), friend requests and mentions (each tells its recipient, by mail at once by default).
 * Spent through the one limiter (L1) before anything is written or sent; past a ceiling, a 429 in
 * French with the wait, and nothing happens.
 */
const limit = (action: SenderAction, max: number, period: 'hour' | 'day'): RateLimit => ({
  name: `${action}.sender.${period}`,
  max,
  windowSeconds: period === 'hour' ? 3600 : 86_400,
  refusal: (seconds) => ['sender.too-many', { action, max, period, seconds }],
});

/** The ceilings, per sender: an hour's and a day's. */
export const senderLimits: Record<SenderAction, { hour: RateLimit; day: RateLimit }> = {
  invitation: { hour: limit('invitation', 20, 'hour'), day: limit('invitation', 100, 'day') },
  'friend-request': { hour: limit('friend-request', 20, 'hour'), day: limit('friend-request', 60, 'day') },
  mention: { hour: limit('mention', 30, 'hour'), day: limit('mention', 150, 'day') },
};

/** Spends `units` of the sender's hour and day for this action (2 UpdateItem, L1): 429 past either. */
export async function spendSenderLimit(action: SenderAction, userId: string, units = 1): Promise<void> {
  if (units <= 0) return;
  await spendRate(senderLimits[action].day, userId, units);
  await spendRate(senderLimits[action].hour, userId, units);
}
