import * as z from 'zod';
import { Cursor, Email, Instant, lineText, proseText, UserId } from './common';
import { FederationCode, SectionId } from './territory';

/** Privacy rights (issue 14, ADR 0024): erasure, export, consents, the transparency log, the register. */

export const EraseAccountRequest = z
  .object({
    password: z.string().min(1, 'obligatoire').max(256),
    /** The code of the authenticator app, for accounts that have it on. */
    totpCode: z.string().regex(/^\d{6}$/, '6 chiffres').optional(),
    /** Posts and comments: deleted with the account, or kept under « compte supprimé ». */
    content: z.enum(['delete', 'keep']),
  })
  .meta({ id: 'EraseAccountRequest' });
export type EraseAccountRequest = z.infer<typeof EraseAccountRequest>;

export const ErasureStarted = z
  .object({ erasureId: z.string(), requestedAt: z.string() })
  .meta({ id: 'ErasureStarted', description: 'Le compte est fermé ; l’effacement de ses traces se termine en arrière-plan.' });
export type ErasureStarted = z.infer<typeof ErasureStarted>;

const Rule = z.object({
  entity: z.string(),
  label: z.string(),
  data: z.enum(['art9', 'personal', 'none']),
  export: z.enum(['include', 'exclude']),
  erasure: z.enum(['delete', 'anonymise', 'author-choice', 'pseudonymise', 'expire', 'none']),
  retention: z.string(),
  reason: z.string(),
});

export const RegisterOfProcessing = z
  .object({
    processings: z.array(
      z.object({ id: z.string(), name: z.string(), purpose: z.string(), legalBasis: z.string(), recipients: z.string(), data: z.array(Rule) }),
    ),
    retention: z.array(z.object({ id: z.string(), label: z.string(), limit: z.string() })),
  })
  .meta({ id: 'RegisterOfProcessing', description: 'Le registre des traitements (art. 30), tiré de l’inventaire des données.' });
export type RegisterOfProcessing = z.infer<typeof RegisterOfProcessing>;

export const ExportId = z.string().regex(/^[\w-]{10,40}$/, 'identifiant d’export');

export const ExportStatus = z
  .object({
    id: ExportId,
    state: z.enum(['running', 'done', 'expired']),
    requestedAt: z.string(),
    /** Items looked at so far, out of about `total` (the table's size, approximate). */
    scanned: z.number().int(),
    /** Items about the person found so far. */
    found: z.number().int(),
    finishedAt: z.string().optional(),
    /** Until when the download works. */
    availableUntil: z.string().optional(),
  })
  .meta({ id: 'ExportStatus' });
export type ExportStatus = z.infer<typeof ExportStatus>;

export const ExportList = z.object({ items: z.array(ExportStatus) }).meta({ id: 'ExportList' });

export const ExportDownload = z
  .object({ url: z.string(), expiresInSeconds: z.number().int() })
  .meta({ id: 'ExportDownload', description: 'Un lien de téléchargement de quelques minutes, pour la personne connectée seulement.' });

// ——— Consents (issue 14 § 3) ———

export const ConsentKind = z.enum(['art9-signup', 'preregistration', 'public-rsvp', 'mail-event-announcements', 'mail-notifications']);
export type ConsentKind = z.infer<typeof ConsentKind>;

export const Consent = z
  .object({
    /** Stable: the kind, and for consents given by address (preregistration, an answer to a public event) what it was given for. */
    id: z.string(),
    kind: ConsentKind,
    /** What was agreed to, in French, and the version of that text. */
    text: z.string(),
    textVersion: z.string(),
    givenAt: z.string(),
    /** How it was given (« case cochée du formulaire d’inscription »…). */
    means: z.string(),
    /** Still in force (a mail category turned off in the preferences is withdrawn, dated when withdrawn here). */
    active: z.boolean(),
    withdrawnAt: z.string().optional(),
    /** What withdrawing it does, said before one confirms. */
    withdrawalEffect: z.string(),
    /** Withdrawing the art. 9 consent erases the account: confirmed like an erasure. */
    withdrawalNeedsPassword: z.boolean(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof Consent>;

export const ConsentList = z.object({ items: z.array(Consent) }).meta({ id: 'ConsentList' });

export const ConsentId = z.string().regex(/^[a-z0-9-]{3,40}(:[\w-]{1,64})?$/, 'identifiant de consentement');

/** Withdrawing the art. 9 consent is an erasure: it takes the same confirmation (EraseAccountRequest). */
export const WithdrawConsentRequest = EraseAccountRequest.partial({ password: true, content: true }).meta({ id: 'WithdrawConsentRequest' });
export type WithdrawConsentRequest = z.infer<typeof WithdrawConsentRequest>;

export const ConsentWithdrawn = z
  .object({ id: z.string(), withdrawnAt: z.string(), erasureId: z.string().optional() })
  .meta({ id: 'ConsentWithdrawn' });

// ——— The transparency log (issue 14 § 5, ADR 0027) ———

export const MemberListKind = z.enum(['section', 'federation', 'person']);

export const MemberListRead = z
  .object({
    at: z.string(),
    readerName: z.string(),
    /** The role that gave the reader the whole list. */
    role: z.string(),
    list: z.object({ type: MemberListKind, id: z.string() }),
    /** How many people the page read showed. */
    count: z.number().int(),
  })
  .meta({ id: 'MemberListRead' });
export type MemberListRead = z.infer<typeof MemberListRead>;

export const AccessLogPage = z
  .object({ items: z.array(MemberListRead), nextCursor: z.string().nullable() })
  .meta({ id: 'AccessLogPage', description: 'Qui a consulté la liste des membres, quand, avec quel rôle, combien de personnes.' });

export const MyAccessLog = z
  .object({
    items: z.array(MemberListRead),
    /** Only the last year is kept (TTL). */
    since: z.string(),
  })
  .meta({ id: 'MyAccessLog', description: 'Les consultations des listes où j’étais à ce moment-là, et de mon adhésion.' });

/** The DPO's filters: one list (a section, a federation, a person's membership), or one reader; a month. */
export const DpoAccessLogQuery = z.object({
  sectionId: SectionId.optional(),
  federationCode: FederationCode.optional(),
  userId: UserId.optional(),
  readerId: UserId.optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mois AAAA-MM').optional(),
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const DpoMemberListRead = MemberListRead.extend({ readerId: z.string() }).meta({ id: 'DpoMemberListRead' });
export const DpoAccessLogPage = z.object({ items: z.array(DpoMemberListRead), nextCursor: z.string().nullable() }).meta({ id: 'DpoAccessLogPage' });

// ——— The DPO's desk (issue 14 § 6) ———

export const DpoRequestKind = z.enum(['export', 'erasure', 'access', 'rectification', 'objection', 'other']);
export const DpoRequestMeans = z.enum(['courrier', 'telephone', 'courriel', 'sur-place']);
export const DpoRequestState = z.enum(['received', 'in-progress', 'done', 'refused']);

export const NewDpoRequest = z
  .object({
    kind: DpoRequestKind,
    means: DpoRequestMeans,
    requesterName: lineText({ min: 1, max: 120 }),
    /** The address of the account concerned (the request is run on that account). */
    requesterEmail: Email,
    /** When the request arrived (the month's deadline runs from it); now when absent. */
    receivedAt: Instant.optional(),
    details: proseText({ max: 4000 }).default(''),
  })
  .meta({ id: 'NewDpoRequest' });
export type NewDpoRequest = z.infer<typeof NewDpoRequest>;

export const DpoAuditEntry = z.object({ at: z.string(), byName: z.string(), action: z.string(), note: z.string().optional() }).meta({ id: 'DpoAuditEntry' });

export const DpoRequest = z
  .object({
    id: z.string(),
    kind: DpoRequestKind,
    means: DpoRequestMeans,
    requesterName: z.string(),
    requesterEmail: z.string(),
    details: z.string(),
    state: DpoRequestState,
    receivedAt: z.string(),
    /** One month from receipt (art. 12.3). */
    dueAt: z.string(),
    overdue: z.boolean(),
    audit: z.array(DpoAuditEntry),
  })
  .meta({ id: 'DpoRequest' });
export type DpoRequest = z.infer<typeof DpoRequest>;

export const DpoRequestList = z.object({ items: z.array(DpoRequest.omit({ audit: true })) }).meta({ id: 'DpoRequestList' });
export const DpoRequestId = z.string().regex(/^[\w-]{10,40}$/, 'identifiant de demande');

export const RunDpoRequest = z
  .object({
    action: z.enum(['export', 'erasure']),
    /** Erasure: the person's posts and comments deleted, or kept under « compte supprimé ». */
    content: z.enum(['delete', 'keep']).default('delete'),
  })
  .meta({ id: 'RunDpoRequest' });

export const CloseDpoRequest = z
  .object({ outcome: z.enum(['done', 'refused']), note: z.string().trim().min(1, 'obligatoire').max(2000, 'au plus 2000 caractères') })
  .meta({ id: 'CloseDpoRequest' });
