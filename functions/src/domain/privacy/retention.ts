/**
 * How long Coopol keeps what (ADR 0024), in one place: the code that sets each TTL reads its limit
 * here, and the privacy page and the register list the same figures (their words: register.ts). Plain
 * numbers: any module may import them without bundling anything else. DynamoDB Local enforces no TTL; reads filter expired
 * items themselves (domain/table-design.ts).
 */
const DAY = 24 * 3600;

export const retention = {
  signUpAttempt: { seconds: 1 * DAY },
  preregistrationPending: { seconds: 30 * DAY },
  preregistrationConfirmed: { seconds: 730 * DAY },
  preregistrationAfterLaunch: { seconds: 182 * DAY },
  visitorAnswer: { seconds: 30 * DAY },
  groupInvitation: { seconds: 30 * DAY },
  notification: { seconds: 90 * DAY },
  feedItem: { seconds: 90 * DAY },
  unattachedUpload: { seconds: 1 * DAY },
  session: { seconds: 30 * DAY },
  exportArchive: { seconds: 7 * DAY },
  memberListRead: { seconds: 365 * DAY },
} as const satisfies Record<string, { seconds: number }>;

export type RetentionId = keyof typeof retention;

/** « 30 jours », « 24 heures », « 2 ans », as the privacy page says it. */
export function durationText(seconds: number): string {
  const days = seconds / DAY;
  if (days < 2) return `${Math.round(seconds / 3600)} heures`;
  if (days >= 365 && days % 365 === 0) return days === 365 ? 'un an' : `${days / 365} ans`;
  if (days >= 700) return `${Math.round(days / 365)} ans`;
  if (days >= 180) return `${Math.round(days / 30.4)} mois`;
  return `${days} jours`;
}

/** The epoch second when something that starts at `fromMs` must be gone. */
export const expiryFrom = (id: RetentionId, fromMs: number = Date.now()) => Math.floor(fromMs / 1000) + retention[id].seconds;
