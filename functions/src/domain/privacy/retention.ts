/**
 * How long Coopol keeps what (ADR 0024), in one place: the code that sets each TTL reads its limit
 * here, and the privacy page and the register list the same figures. Plain constants: any module may
 * import them without bundling anything else. DynamoDB Local enforces no TTL; reads filter expired
 * items themselves (domain/table-design.ts).
 */
const DAY = 24 * 3600;

export interface RetentionLimit {
  /** What is kept, in French (the privacy page's words). */
  label: string;
  seconds: number;
  /** From when the time counts, in French. */
  from: string;
}

export const retention = {
  signUpAttempt: { label: 'Une inscription jamais confirmée', seconds: 1 * DAY, from: 'après la demande' },
  preregistrationPending: { label: 'Une préinscription non confirmée', seconds: 30 * DAY, from: 'après la demande' },
  preregistrationConfirmed: { label: 'Une préinscription confirmée', seconds: 730 * DAY, from: 'au plus, en attendant l’ouverture du territoire' },
  preregistrationAfterLaunch: { label: 'Une préinscription après le courriel de lancement', seconds: 182 * DAY, from: 'après l’ouverture du territoire' },
  visitorAnswer: { label: 'La réponse d’un visiteur à un événement public', seconds: 30 * DAY, from: 'après l’événement' },
  groupInvitation: { label: 'Une invitation à un groupe', seconds: 30 * DAY, from: 'après son envoi' },
  notification: { label: 'Une notification', seconds: 90 * DAY, from: 'après l’avoir reçue' },
  feedItem: { label: 'Une publication dans votre fil d’actu', seconds: 90 * DAY, from: 'après sa publication (elle reste dans son espace)' },
  unattachedUpload: { label: 'Un fichier envoyé mais jamais joint', seconds: 1 * DAY, from: 'après son envoi' },
  session: { label: 'Une session ouverte', seconds: 30 * DAY, from: 'après la connexion' },
  accessLog: { label: 'Une consultation d’une liste de membres, dans le journal de transparence', seconds: 365 * DAY, from: 'après la consultation' },
  exportArchive: { label: 'L’archive de vos données', seconds: 7 * DAY, from: 'après sa préparation' },
} as const satisfies Record<string, RetentionLimit>;

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
