import * as z from 'zod';

/**
 * How people answer a launch mail, for the capacity model of a launch day:
 * - `openRate`: share of the mails that get opened at all;
 * - `signUpShare`: share of those openers who go on to create their account;
 * - `clickThroughByMinute`: of the eventual openers, the share who open it in minute 0, 1, 2… after
 *   it arrives (sums to at most 1; whatever is missing comes later and slower than the last minute).
 */
export const LaunchSurge = z
  .object({
    openRate: z.number().gt(0).max(1),
    signUpShare: z.number().gt(0).max(1),
    clickThroughByMinute: z.array(z.number().min(0).max(1)).min(1).max(24 * 60),
  })
  .refine((surge) => surge.clickThroughByMinute.reduce((a, b) => a + b, 0) <= 1 + 1e-9, {
    path: ['clickThroughByMinute'],
    message: 'the shares of each minute add up to at most 1',
  });
export type LaunchSurge = z.infer<typeof LaunchSurge>;

/**
 * Preregistered people asked to be told: many open at once. A cautious guess (most opens in the
 * first minutes, as on a phone's notification), to be replaced by the first wave's own numbers.
 */
export const defaultLaunchSurge: LaunchSurge = {
  openRate: 0.7,
  signUpShare: 0.6,
  clickThroughByMinute: [0.3, 0.15, 0.1, 0.07, 0.05, 0.04, 0.03, 0.03, 0.02, 0.02],
};

/** Cognito UserCreation requests per sign-up: the account is made with one AdminCreateUser at confirmation (identity/sign-up.ts). */
export const USER_CREATION_REQUESTS_PER_SIGN_UP = 1;

/**
 * The share of the quota a wave may use: the rest stays for everyone else signing up that day
 * (people who heard of it elsewhere) and for the model's error.
 */
export const WAVE_QUOTA_SHARE = 0.8;

/** The worst minute's share of the eventual sign-ups: the peak of the curve, per second. */
function peakShare(surge: LaunchSurge): number {
  return surge.openRate * surge.signUpShare * surge.clickThroughByMinute.reduce((a, b) => a + b, 0);
}

/**
 * The fastest a wave may send (mails per second) so that, however long it sends, the sign-ups it
 * causes stay under `WAVE_QUOTA_SHARE` of the UserCreation quota: when sending lasts longer than the
 * curve, sign-ups settle at rate × openRate × signUpShare × (the curve's total), their highest.
 */
export function waveSendRateCap(userCreationRps: number, surge: LaunchSurge): number {
  const budget = (userCreationRps * WAVE_QUOTA_SHARE) / USER_CREATION_REQUESTS_PER_SIGN_UP;
  return Math.max(1, Math.floor(budget / peakShare(surge)));
}

/**
 * The projected sign-ups per second, second by second, when `recipients` mails go out at
 * `sendRate` per second: each second's mails spread their sign-ups along the curve (uniform within
 * each minute). Returns the peak and when it comes (seconds after the first mail).
 */
export function projectSignUps(recipients: number, sendRate: number, surge: LaunchSurge): { peakPerSecond: number; peakAtSecond: number; sendingSeconds: number } {
  const sendingSeconds = Math.ceil(recipients / sendRate);
  // Cumulative share signed up τ seconds after a mail arrives.
  const perSecond = surge.clickThroughByMinute.flatMap((share) => Array<number>(60).fill((share * surge.openRate * surge.signUpShare) / 60));
  const cumulative = [0];
  for (const share of perSecond) cumulative.push(cumulative[cumulative.length - 1]! + share);
  const at = (tau: number) => (tau <= 0 ? 0 : cumulative[Math.min(tau, cumulative.length - 1)]!);
  let peakPerSecond = 0;
  let peakAtSecond = 0;
  for (let t = 1; t <= sendingSeconds + perSecond.length; t++) {
    // Mails sent in [0, min(t, T)) seconds, at `sendRate` each second (the last second may be partial).
    const sent = (s: number) => Math.min(recipients, s * sendRate);
    // Sign-ups in second t: Σ over send seconds s of mails(s) × (F(t − s) − F(t − s − 1)).
    let rate = 0;
    for (let s = Math.max(0, t - perSecond.length - 1); s < Math.min(t, sendingSeconds); s++) {
      rate += (sent(s + 1) - sent(s)) * (at(t - s) - at(t - s - 1));
    }
    if (rate > peakPerSecond) {
      peakPerSecond = rate;
      peakAtSecond = t;
    }
  }
  return { peakPerSecond, peakAtSecond, sendingSeconds };
}
