import * as z from 'zod';

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
