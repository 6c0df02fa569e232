import { spendRate, type RateLimit } from '../limits/rate-limits';

/** Link previews one person may have our servers fetch in one minute (a preview button, a few posts). */
export const PREVIEWS_PER_MINUTE = 20;

const linkPreviews: RateLimit = {
  name: 'link-preview.person',
  max: PREVIEWS_PER_MINUTE,
  windowSeconds: 60,
  refusal: (seconds) => ['link-preview.too-many', { max: PREVIEWS_PER_MINUTE, seconds }],
};

/** Spends one of the person's link-preview fetches for this minute (S22, through the rate limiter L1): 429 past it. */
export async function spendPreviewFetch(userId: string, now = new Date()): Promise<void> {
  await spendRate(linkPreviews, userId, 1, now.getTime());
}
