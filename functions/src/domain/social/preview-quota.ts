import { TooManyRequestsError } from '../errors';
import { LinkPreviewQuotaEntity } from './entities';
import { isConditionFailure } from '../../shared/conditions';

/** Link previews one person may have our servers fetch in one minute (a preview button, a few posts). */
export const PREVIEWS_PER_MINUTE = 20;

/**
 * Spends one of the person's link-preview fetches for this minute (S22: one conditional UpdateItem,
 * ADD on a counter per person and minute, kept two minutes by TTL). Past the limit: 429, in French,
 * with the seconds until the next minute; nothing is fetched.
 */
export async function spendPreviewFetch(userId: string, now = new Date()): Promise<void> {
  const minute = now.toISOString().slice(0, 16);
  const nextMinute = Math.ceil((now.getTime() + 1) / 60_000) * 60;
  await LinkPreviewQuotaEntity.update({ userId, minute })
    .add({ fetches: 1 })
    .set({ expiresAt: nextMinute + 60 })
    .where((attr, op) => `${op.notExists(attr.fetches)} OR ${op.lt(attr.fetches, PREVIEWS_PER_MINUTE)}`)
    .go()
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
      throw new TooManyRequestsError(
        `Vous avez demandé ${PREVIEWS_PER_MINUTE} aperçus de liens en une minute : attendez un instant avant d’en demander un autre.`,
        Math.max(1, nextMinute - Math.floor(now.getTime() / 1000)),
      );
    });
}
