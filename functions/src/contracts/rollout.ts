import * as z from 'zod';
import { Instant, lineText } from './common';
import { Email } from './identity';
import { FederationCode, PostalCode, RegionCode } from './territory';

// ——— Preregistration (public) ———

export const PreregisterRequest = z
  .object({
    email: Email,
    postalCode: PostalCode,
    kind: z.enum(['member', 'supporter'], { error: 'indiquez si vous êtes adhérent·e ou sympathisant·e' }),
    /** Explicit consent to being written to, once, when the territory opens. */
    consent: z.literal(true, { error: 'votre accord est nécessaire pour que nous vous écrivions' }),
  })
  .meta({ id: 'PreregisterRequest' });

export const PreregisterResult = z
  .discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('mail-sent'), destination: z.string().describe('adresse masquée') }),
    z.object({ outcome: z.literal('territory-open'), federationName: z.string() }),
  ])
  .meta({ id: 'PreregisterResult' });

/** The secret of the links in a preregistered person's mails. */
export const PreregistrationToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'lien invalide ou incomplet');

export const Preregistration = z
  .object({
    email: z.string(),
    postalCode: z.string(),
    communeName: z.string(),
    federationName: z.string(),
    regionName: z.string().optional(),
    kind: z.enum(['member', 'supporter']),
    status: z.enum(['pending', 'confirmed']),
    consentAt: Instant,
    createdAt: Instant,
    confirmedAt: Instant.optional(),
    emailed: z.boolean().describe('le mail d’ouverture a été envoyé'),
    erasedAfter: Instant.describe('date à laquelle la pré-inscription sera effacée d’office'),
    territoryOpen: z.boolean(),
  })
  .meta({ id: 'Preregistration' });

// ——— Waves (national admins) ———

const Training = z.object({
  title: lineText({ min: 1, max: 120 }),
  startsAt: Instant,
  place: lineText({ min: 1, max: 200 }),
});

const waveFields = {
  name: lineText({ min: 1, max: 120 }),
  regionCodes: z.array(RegionCode).max(30),
  federationCodes: z.array(FederationCode).max(120),
  opensAt: Instant,
  trainings: z.array(Training).max(20),
};

export const WaveInput = z
  .object({ ...waveFields, trainings: waveFields.trainings.default([]), federationCodes: waveFields.federationCodes.default([]), regionCodes: waveFields.regionCodes.default([]) })
  .refine((wave) => wave.regionCodes.length + wave.federationCodes.length > 0, { path: ['regionCodes'], message: 'choisissez au moins une région ou une fédération' })
  .meta({ id: 'WaveInput' });

export const WavePatch = z
  .object(waveFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'rien à modifier' })
  .meta({ id: 'WavePatch' });

export const WaveStatus = z.enum(['draft', 'scheduled', 'sending', 'done']);

export const WaveProgress = z.object({
  recipients: z.number().int(),
  toSend: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  suppressed: z.number().int(),
  bounced: z.number().int(),
  complained: z.number().int(),
  unsubscribed: z.number().int(),
});

export const Wave = z
  .object({
    id: z.string(),
    name: z.string(),
    regionCodes: z.array(z.string()),
    federationCodes: z.array(z.string()),
    opensAt: Instant,
    /** Each training is an event of the national space for the web referents of the wave's territories (`eventId`). */
    trainings: z.array(z.object({ title: z.string(), startsAt: Instant, place: z.string(), eventId: z.string().nullable() })),
    status: WaveStatus,
    createdAt: Instant,
    updatedAt: Instant,
    deployedAt: Instant.optional(),
    openedAt: Instant.optional(),
    finishedAt: Instant.optional(),
    progress: WaveProgress,
    /** Federations whose sending stalled (nothing written for a long while, not done): « Relancer l’envoi » resumes them. */
    stalledFederations: z.array(z.string()).optional().describe('fédérations dont l’envoi est arrêté (seulement sur GET d’une vague en cours d’envoi)'),
  })
  .meta({ id: 'Wave' });

export const WaveList = z.object({ items: z.array(Wave) }).meta({ id: 'WaveList' });
export const WaveId = z.string().regex(/^[a-z0-9]{8,32}$/, 'identifiant de vague');

// ——— Numbers ———

export const RolloutScopeQuery = z
  .object({
    scope: z.enum(['national', 'region', 'federation']).default('national'),
    code: z.string().regex(/^[0-9AB]{2,3}$/, 'code de région ou de fédération').optional(),
  })
  .refine((q) => q.scope === 'national' || q.code !== undefined, { path: ['code'], message: 'obligatoire pour une région ou une fédération' });

const FunnelNumbers = z.object({
  preregistered: z.number().int(),
  confirmed: z.number().int(),
  emailed: z.number().int(),
  signedUp: z.number().int(),
  active: z.number().int(),
});

export const RolloutNumbers = z
  .object({
    scope: z.object({ kind: z.enum(['national', 'region', 'federation']), code: z.string().optional(), name: z.string() }),
    totals: FunnelNumbers,
    territories: z.array(FunnelNumbers.extend({ code: z.string(), name: z.string(), openedAt: Instant.optional() })),
    signups: z.array(z.object({ day: z.iso.date(), count: z.number().int() })).describe('inscriptions par jour, 90 derniers jours'),
  })
  .meta({ id: 'RolloutNumbers' });
