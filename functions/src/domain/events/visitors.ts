import { createHash, randomBytes } from 'node:crypto';
import type { RsvpAnswer, RsvpState } from '../../contracts/events';
import { siteLink } from '../../shared/site';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors';
import { maskEmail } from '../identity/mask-email';
import { spendRate, type RateLimit } from '../limits/rate-limits';
import { sendMail } from '../mail/send';
import { contentionAsCanceled, refusedByCondition } from '../../shared/conditions';
import { again, retryOptimistic } from '../../shared/retry';
import { confirmHeldPlace, givePlace, goingCounter, holdPlace, shardWithRoom } from './capacity';
import { Entity, type EntityItem } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { AttendanceEntity, eventsService, VisitorHoldEntity } from './entities';
import { promoteFirstWaiting, releaseHold, releaseLapsedHolds } from './places';
import { facts, tellPromoted } from './mail';
import { loadVisibleEvent, readCounter, type EventItem } from './read';
import { countBusiness } from '../../shared/metrics';
import { expiryFrom } from '../privacy/retention';
import { consentTexts } from '../privacy/consent-records';

/**
 * Visitors' answers to public events (ADR 0015, « Events »): no account, so the mailbox is the proof.
 * An answer holds a place for HOLD_MINUTES and becomes an answer only when confirmed from the mailed
 * link; a hold that lapses gives its place back, in the transaction that ends it (exact under races:
 * the hold item's condition lets one of « confirm » and « lapse » happen, never both). Changes need
 * the mailed link (its token's hash is all the table keeps). Answers are rate-limited per client and
 * per address, the confirmation is the only mail an unconfirmed address gets, and a visitor's data
 * is erased 30 days after the event.
 */

// In this Lambda's module alone (the events bundle has no use for it, and no room).
/**
 * A mailed link to a visitor's answer (confirm, rename, cancel). Only the token's SHA-256 is stored:
 * the table holds no usable link. Lives until the visitor's data expires.
 */
export const VisitorLinkEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'visitorLink', version: '1' },
    attributes: {
      tokenHash: { type: 'string', required: true },
      eventId: { type: 'string', required: true },
      attendeeId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byToken: { pk: { field: 'pk', composite: ['tokenHash'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);

export const HOLD_MINUTES = 30;

/** Per client (its IP): refused with a 429 past it. */
const answersPerClient: RateLimit = {
  name: 'rsvp.client',
  max: 30,
  windowSeconds: 3600,
  refusal: (seconds) => ['rsvp.too-many-from-client', { seconds }],
};
/** Per address: past it nothing is written nor mailed, and the answer looks the same (a stranger learns nothing). */
const answersPerAddress: RateLimit = { name: 'rsvp.address', max: 3, windowSeconds: 3600, refusal: () => 'rate.limited' }; // never shown: past it, nothing is written nor mailed

type Answer = EntityItem<typeof AttendanceEntity>;

/** A visitor of a public event: identified by their address, one answer per address. */
export function visitorId(email: string): string {
  return `visitor-${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32)}`;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);
/** A visitor's data lives until 30 days after the event. */
const expiryOf = (event: EventItem) => expiryFrom('visitorAnswer', new Date(event.endsAt).getTime());
const live = (item: { expiresAt?: number } | undefined, now: Date): boolean => !!item && (item.expiresAt === undefined || item.expiresAt > epoch(now));

/** A new mailed link to this answer: 32 random bytes; only their hash is stored. */
async function newLink(event: EventItem, attendeeId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await VisitorLinkEntity.put({ tokenHash: hashOf(token), eventId: event.eventId, attendeeId, expiresAt: expiryOf(event) }).go();
  return token;
}

/** The confirmation mail (or, for an address that already answered, the link to its answer). */
async function mailLink(event: EventItem, who: { attendeeId: string; name: string; email: string }, confirmed: boolean) {
  const token = await newLink(event, who.attendeeId);
  await sendMail({
    to: who.email,
    kind: 'transactional',
    template: 'event-visitor-answer',
    data: {
      ...facts(event, who.name),
      confirmed,
      holdMinutes: HOLD_MINUTES,
      confirmUrl: siteLink('/evenements/reponse/confirmer', { jeton: token }),
      manageUrl: siteLink('/evenements/reponse/gerer', { jeton: token }),
    },
  });
}

/**
 * A visitor answers a public event. The answer is always the same (« a mail was sent to j***@… »),
 * whether the address is new, waiting for confirmation or already answered: only its mailbox learns
 * which. A second answer with the same address changes nothing; its owner gets the link to the first.
 */
export async function answerPublicEvent(
  eventId: string,
  visitor: { name: string; email: string; answer: RsvpAnswer },
  client: { ip: string },
  now = new Date(),
) {
  await spendRate(answersPerClient, client.ip, 1, now.getTime());
  const event = await loadVisibleEvent({ kind: 'anonymous' }, eventId);
  if (event.status === 'cancelled') throw new ConflictError('event.cancelled');
  const accepted = { outcome: 'mail-sent' as const, destination: maskEmail(visitor.email), holdMinutes: HOLD_MINUTES };
  const email = visitor.email.toLowerCase();
  const underLimit = await spendRate(answersPerAddress, email, 1, now.getTime()).then(
    () => true,
    (error: unknown) => {
      if (error instanceof TooManyRequestsError) return false;
      throw error;
    },
  );
  if (!underLimit) return accepted;

  await releaseLapsedHolds(event, now);
  const who = { attendeeId: visitorId(email), name: visitor.name, email };
  const [{ data: answered }, { data: held }] = await Promise.all([
    AttendanceEntity.get({ eventId, attendeeId: who.attendeeId }).go(),
    VisitorHoldEntity.get({ eventId, attendeeId: who.attendeeId }).go(),
  ]);
  if (live(answered ?? undefined, now)) {
    await mailLink(event, answered!, true);
    return accepted;
  }
  if (held && held.until > now.toISOString()) {
    await mailLink(event, held, false);
    return accepted;
  }
  if (held) await releaseHold(event, held);
  if (await createHold(event, who, visitor.answer, now)) await mailLink(event, who, false);
  return accepted;
}

/** The hold and, for « je viens » with room left, its place, in one transaction. False if one exists already. */
async function createHold(event: EventItem, who: { attendeeId: string; name: string; email: string }, answer: RsvpAnswer, now: Date): Promise<boolean> {
  const counterId = goingCounter(event.eventId);
  const limited = event.capacity !== undefined;
  const until = new Date(now.getTime() + HOLD_MINUTES * 60_000).toISOString();
  const expiresAt = expiryOf(event);
  return retryOptimistic({ attempts: 40, exhausted: new ConflictError('event.too-many-answers') }, async () => {
    const shard = answer === 'going' ? shardWithRoom(await readCounter(counterId, event.goingShards)) : undefined;
    const state: RsvpState = answer === 'going' && shard === undefined ? 'waiting' : answer;
    const result = await eventsService.transaction
      .write(({ hold, lapse, shard: shardEntity }) => [
        hold.create({ eventId: event.eventId, ...who, answer: state, shard, until, expiresAt, consentVersion: consentTexts['public-rsvp'].version, consentedAt: now.toISOString() }).commit(),
        lapse.create({ eventId: event.eventId, until, attendeeId: who.attendeeId, expiresAt }).commit(),
        ...(shard !== undefined ? [holdPlace(shardEntity, counterId, shard, limited)] : []),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) return true;
    if (refusedByCondition(result)) return false; // the same address, at the same instant
    return again;
  });
}

// ——— By the mailed link ———

/** The answer a link leads to: a hold waiting for confirmation, or the confirmed answer; 404 otherwise. */
async function byLink(token: string, now: Date) {
  const { data: link } = await VisitorLinkEntity.get({ tokenHash: hashOf(token) }).go();
  if (!link || !live(link, now)) throw new NotFoundError('rsvp.not-found', 'params.token');
  const event = await loadVisibleEvent({ kind: 'anonymous' }, link.eventId).catch(() => {
    throw new NotFoundError('rsvp.not-found', 'params.token');
  });
  const [{ data: hold }, { data: answer }] = await Promise.all([
    VisitorHoldEntity.get({ eventId: link.eventId, attendeeId: link.attendeeId }).go(),
    AttendanceEntity.get({ eventId: link.eventId, attendeeId: link.attendeeId }).go(),
  ]);
  const pending = hold && hold.until > now.toISOString() ? hold : undefined;
  const confirmed = live(answer ?? undefined, now) ? answer! : undefined;
  return { event, link, hold: hold ?? undefined, pending, confirmed };
}

function view(event: EventItem, who: { name: string }, state: RsvpState, confirmed: boolean, until?: string) {
  return {
    event: { id: event.eventId, title: event.title, startsAt: event.startsAt, address: event.address },
    name: who.name,
    state,
    confirmed,
    holdUntil: until ?? null,
  };
}

/** What a link's page shows: the event, the name and answer given, whether it is confirmed. */
export async function getVisitorAnswer(token: string, now = new Date()) {
  const { event, pending, confirmed } = await byLink(token, now);
  if (confirmed) return view(event, confirmed, confirmed.state, true);
  if (pending) return view(event, pending, pending.answer, false, pending.until);
  throw new NotFoundError('rsvp.not-found', 'params.token');
}

/**
 * The button of the confirmation link (never on page load: mail scanners open links). The hold
 * becomes the answer: its place, held until now, is taken (a « je viens » without room joins the
 * waiting list). Confirming twice changes nothing; a lapsed hold is a 404 (answer again).
 */
export async function confirmVisitorAnswer(token: string, now = new Date()) {
  const { event, hold, pending, confirmed } = await byLink(token, now);
  if (confirmed) return view(event, confirmed, confirmed.state, true);
  if (!pending) {
    if (hold) await releaseHold(event, hold);
    throw new NotFoundError('rsvp.not-found', 'params.token');
  }
  const at = now.toISOString();
  const { eventId, attendeeId, until } = pending;
  const base = { eventId, attendeeId, name: pending.name, email: pending.email, startsAt: event.startsAt, at, expiresAt: expiryOf(event), consentVersion: pending.consentVersion, consentedAt: pending.consentedAt };
  const result = await eventsService.transaction
    .write(({ hold: holdEntity, lapse, attendance, waiting, shard }) => [
      holdEntity.delete({ eventId, attendeeId }).where(({ until: u }, { eq }) => eq(u, until)).commit(),
      lapse.delete({ eventId, until, attendeeId }).commit(),
      attendance.create({ ...base, state: pending.answer, shard: pending.shard }).commit(),
      ...(pending.shard !== undefined ? [confirmHeldPlace(shard, goingCounter(eventId), pending.shard)] : []),
      ...(pending.answer === 'waiting' ? [waiting.create({ eventId, since: at, attendeeId }).commit()] : []),
    ])
    .go()
    .catch(contentionAsCanceled);
  if (result.canceled) return getVisitorAnswer(token, now); // confirmed meanwhile (another click) or lapsed: as it stands now
  countBusiness('Rsvps');
  return view(event, pending, pending.answer, true);
}

/** Corrects the name of an answer (by its link). */
export async function renameVisitorAnswer(token: string, name: string, now = new Date()) {
  const { link, pending, confirmed } = await byLink(token, now);
  const key = { eventId: link.eventId, attendeeId: link.attendeeId };
  if (confirmed) {
    await AttendanceEntity.patch(key).set({ name }).go();
  } else if (pending) {
    await VisitorHoldEntity.patch(key).set({ name }).where(({ until }, { eq }) => eq(until, pending.until)).go();
  } else {
    throw new NotFoundError('rsvp.not-found', 'params.token');
  }
  return getVisitorAnswer(token, now);
}

/**
 * Cancels an answer (by its link): the answer, its place and the visitor's data go; a freed place
 * goes to the first person waiting.
 */
export async function cancelVisitorAnswer(token: string, now = new Date()): Promise<void> {
  const { event, link, hold, confirmed } = await byLink(token, now);
  if (hold) await releaseHold(event, hold);
  if (confirmed) await withdraw(event, confirmed);
  await VisitorLinkEntity.delete({ tokenHash: link.tokenHash }).go();
  if (!hold && !confirmed) throw new NotFoundError('rsvp.not-found', 'params.token');
}

async function withdraw(event: EventItem, answer: Answer): Promise<void> {
  const { eventId, attendeeId } = answer;
  const outcome = await retryOptimistic({ attempts: 40, exhausted: () => 'withdrawn' as const }, async () => {
    const result = await eventsService.transaction
      .write(({ attendance, waiting, shard }) => [
        attendance.delete({ eventId, attendeeId }).where(({ state }, { eq }) => eq(state, answer.state)).commit(),
        ...(answer.state === 'going' && answer.shard !== undefined ? [givePlace(shard, goingCounter(eventId), answer.shard)] : []),
        ...(answer.state === 'waiting' ? [waiting.delete({ eventId, since: answer.at, attendeeId }).commit()] : []),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) return 'withdrawn' as const;
    const { data: now } = await AttendanceEntity.get({ eventId, attendeeId }).go();
    if (!now) return 'gone' as const;
    answer = now; // promoted from the waiting list meanwhile: withdraw what it is now
    return again;
  });
  if (outcome === 'gone') return;
  if (answer.state === 'going' && event.capacity !== undefined) {
    const promoted = await promoteFirstWaiting(event);
    if (promoted) await tellPromoted(promoted);
  }
}
