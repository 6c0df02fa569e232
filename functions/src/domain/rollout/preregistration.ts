import { randomBytes } from 'node:crypto';
import { siteLink } from '../../shared/site';
import { NotFoundError, ValidationError } from '../errors';
import { maskEmail } from '../identity/mask-email';
import { sendMail } from '../mail/send';
import { withdrawAddressFromBulkMail } from '../mail/preferences';
import { PreregistrationEntity, rollout, WaveEntity } from './entities';
import { isFederationOpen, placeOf } from './territories';
import { isConditionFailure } from '../../shared/conditions';
import { retention } from '../privacy/retention';

/** Unconfirmed preregistrations are erased after 30 days. */
export const PENDING_RETENTION_SECONDS = retention.preregistrationPending.seconds;
/** Confirmed ones wait at most two years for their territory to open. */
export const CONFIRMED_RETENTION_SECONDS = retention.preregistrationConfirmed.seconds;
/** After the launch mail, six months (the time to sign up, then the funnel is counted). */
export const AFTER_LAUNCH_RETENTION_SECONDS = retention.preregistrationAfterLaunch.seconds;
const REMINDER_INTERVAL_MS = 3600_000;

const now = () => Math.floor(Date.now() / 1000);

export interface PreregisterInput {
  email: string;
  postalCode: string;
  kind: 'member' | 'supporter';
  consent: true;
}

export type PreregisterOutcome =
  /** A mail went to the address: confirm (new), or « already preregistered » (its owner is told, not the form). */
  | { outcome: 'mail-sent'; destination: string }
  /** The territory is open: sign up instead. */
  | { outcome: 'territory-open'; federationName: string };

const links = (token: string) => ({
  confirmUrl: siteLink('/preinscription/confirmer', { jeton: token }),
  manageUrl: siteLink('/preinscription/gerer', { jeton: token }),
});

/**
 * Preregisters an address for the opening of its territory (double opt-in: only a confirmation
 * mail is sent until its link is followed). Preregistering again changes nothing: the address's
 * owner gets a mail saying so (at most one an hour), and the form answers the same either way, so
 * it never tells a stranger whether an address is on the list (ADR 0010).
 */
export async function preregister(input: PreregisterInput): Promise<PreregisterOutcome> {
  const email = input.email.toLowerCase();
  const place = await placeOf(input.postalCode).catch(() => {
    throw new ValidationError([{ field: 'body.postalCode', message: 'code postal inconnu' }]);
  });
  if (await isFederationOpen(place.federationCode)) return { outcome: 'territory-open', federationName: place.federationName };

  const at = new Date().toISOString();
  const token = randomBytes(24).toString('base64url');
  const created = await rollout.transaction
    .write(({ preregistration, funnel }) => [
      preregistration
        .create({ email, token, ...place, kind: input.kind, status: 'pending', consentAt: at, createdAt: at, expiresAt: now() + PENDING_RETENTION_SECONDS })
        .commit(),
      funnel.update({ federationCode: place.federationCode }).add({ preregistered: 1 }).commit(),
    ])
    .go();
  if (!created.canceled) {
    await sendMail({ to: email, template: 'preregistration-confirm', kind: 'transactional', data: { ...place, ...links(token) } });
    return { outcome: 'mail-sent', destination: maskEmail(email) };
  }

  const { data: existing } = await PreregistrationEntity.get({ email }).go();
  if (!existing) throw new Error('preregistration: the create was refused but nothing is there');
  const reminded = await PreregistrationEntity.patch({ email })
    .set({ remindedAt: at })
    .where((attr, { notExists, lt }) => `${notExists(attr.remindedAt)} OR ${lt(attr.remindedAt, new Date(Date.now() - REMINDER_INTERVAL_MS).toISOString())}`)
    .go()
    .then(() => true)
    .catch((error: Error) => {
      if (isConditionFailure(error)) return false;
      throw error;
    });
  if (reminded) {
    await sendMail({
      to: email,
      template: 'preregistration-already',
      kind: 'transactional',
      data: { ...existing, ...links(existing.token), confirmed: existing.status === 'confirmed' },
    });
  }
  return { outcome: 'mail-sent', destination: maskEmail(email) };
}

async function byToken(token: string) {
  const { data } = await PreregistrationEntity.query.byToken({ token }).go({ limit: 1 });
  const found = data[0];
  if (!found || found.expiresAt <= now()) throw new NotFoundError('preregistration.not-found', 'params.token');
  return found;
}

type PreregistrationItem = Awaited<ReturnType<typeof byToken>>;

/** What the person sees, and downloads, of their preregistration (contract `Preregistration`). */
async function toView(item: PreregistrationItem) {
  return {
    email: item.email,
    postalCode: item.postalCode,
    communeName: item.communeName,
    federationName: item.federationName,
    regionName: item.regionName,
    kind: item.kind,
    status: item.status,
    consentAt: item.consentAt,
    createdAt: item.createdAt,
    confirmedAt: item.confirmedAt,
    emailed: item.emailedBy !== undefined,
    erasedAfter: new Date(item.expiresAt * 1000).toISOString(),
    territoryOpen: await isFederationOpen(item.federationCode),
  };
}

/** A preregistration, by the token of its mails' links. */
export async function viewPreregistration(token: string) {
  return toView(await byToken(token));
}

/** The link of the confirmation mail: from now on the address gets the launch mail. Idempotent. */
export async function confirmPreregistration(token: string) {
  const found = await byToken(token);
  if (found.status === 'confirmed') return toView(found);
  const confirmedAt = new Date().toISOString();
  const result = await rollout.transaction
    .write(({ preregistration, funnel }) => [
      preregistration
        .patch({ email: found.email })
        .set({ status: 'confirmed', confirmedAt, expiresAt: now() + CONFIRMED_RETENTION_SECONDS })
        .composite({ federationCode: found.federationCode })
        .where((attr, { eq }) => eq(attr.status, 'pending'))
        .commit(),
      funnel.update({ federationCode: found.federationCode }).add({ confirmed: 1, waiting: 1 }).commit(),
    ])
    .go();
  if (result.canceled) return viewPreregistration(token); // confirmed meanwhile (a second click)
  return toView({ ...found, status: 'confirmed', confirmedAt });
}

/**
 * Erases the preregistration (the « effacer » link of every mail). With `unsubscribe` (the mails'
 * one-click List-Unsubscribe), the address also gets no more bulk mail — kept by its hash only, and
 * carried to the account if one is made with it (mail/preferences.ts) — and the wave that mailed it
 * counts one unsubscription.
 */
export async function erasePreregistration(token: string, options: { unsubscribe?: boolean } = {}): Promise<void> {
  const found = await byToken(token);
  const result = await rollout.transaction
    .write(({ preregistration, funnel }) => [
      preregistration.delete({ email: found.email }).where((attr, { eq }) => eq(attr.token, token)).commit(),
      funnel
        .update({ federationCode: found.federationCode })
        .add({ withdrawn: 1, ...(found.status === 'confirmed' && !found.emailedBy && { waiting: -1 }) })
        .commit(),
    ])
    .go();
  if (result.canceled) throw new NotFoundError('preregistration.not-found', 'params.token');
  if (options.unsubscribe) {
    await withdrawAddressFromBulkMail(found.email);
    if (found.emailedBy) await WaveEntity.patch({ waveId: found.emailedBy }).add({ unsubscribed: 1 }).go();
  }
}
