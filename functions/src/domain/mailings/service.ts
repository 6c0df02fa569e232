import { randomBytes } from 'node:crypto';
import type { Mailing, MailingDraftRequest, Segment } from '../../contracts/mailings';
import { readConfig } from '../../shared/config';
import { cancelScheduledJob, scheduleJob } from '../../shared/scheduler';
import { pool } from '../../shared/pool';
import * as z from 'zod';
import type { Caller } from '../access/caller';
import { callerItem, factsOf } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { mayApproveMailing, maySpeakForSpace, needsApproval, requirePerson } from '../access/policy';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { isConditionFailure } from '../../shared/conditions';
import { itemsOf, writeTogether } from '../mail/bulk/transaction';
import { ensureMailPreferences } from '../mail/preferences';
import { renderMail } from '../mail/render';
import { sendMail } from '../mail/send';
import { PersonEntity } from '../people/entities';
import { resolveSpaceForRules, spaceKeyOf, type PartySpaceType } from '../spaces/resolve';
import { spacePeoplePage } from '../spaces/people';
import { MailingAuditEntity, MailingEntity, mailingsService } from './entities';
import { eventOfSpace, segmentFilter } from './segment';
import { handOverHaltedTasks, loadMailing, messageMail, shardsOf, promotedEvent, unsubscribeLinks, type MailingItem } from './sender';

/**
 * Messages to a space's members (issue 16, ADR 0028): the draft, its reach, its preview and test,
 * its sending now or at a time (EventBridge Scheduler; locally the worker's), cancel, the two-person
 * rule above the stage's threshold, resume after the circuit breaker. Whoever speaks for the space
 * (access/rules/mailings.ts) does all of it; the mails go through the bulk-mail engine (sender.ts).
 */
const config = readConfig({
  /** Above this reach a federation's or national message needs a second person's approval (infra/config.ts). */
  MAILING_APPROVAL_THRESHOLD: z.coerce.number().int().min(0),
});
export const approvalThreshold = config.MAILING_APPROVAL_THRESHOLD;

type SpaceRef = { type: PartySpaceType; id: string };
type Dto = z.input<typeof Mailing>;

/** The space named by the path, and the caller's right to speak for it (404 when it may not be discovered). */
async function spokenFor(caller: Caller, ref: SpaceRef) {
  const { resolved, space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  maySpeakForSpace(caller, space as never, policyOptions, facts.group);
  return { resolved, space: space as SpaceRef & { federationCode?: string } };
}

/** A mailing of that space, or 404 (a mailing of another space is not found through this one). */
async function mailingIn(caller: Caller, ref: SpaceRef, mailingId: string, consistent = false) {
  const { resolved, space } = await spokenFor(caller, ref);
  const m = await loadMailing(mailingId, consistent);
  if (!m || m.spaceKey !== spaceKeyOf(ref)) throw new NotFoundError('mailing.not-found', 'params.mailingId');
  return { m, resolved, space };
}

const segmentOf = (m: MailingItem): Segment | undefined => (m.segment ? (JSON.parse(m.segment) as Segment) : undefined);

function toDto(m: MailingItem): Dto {
  return {
    id: m.mailingId,
    space: { type: m.spaceType, id: m.spaceId },
    spaceLabel: m.spaceLabel,
    subject: m.subject,
    text: m.text,
    eventId: m.eventId ?? null,
    segment: segmentOf(m) ?? null,
    replyTo: m.replyTo,
    replyToAddress: m.replyToAddress ?? null,
    fromName: `${m.spaceLabel} · Coopol`,
    postInSpace: m.postInSpace,
    state: m.state,
    authorId: m.authorId,
    sendAt: m.sendAt ?? null,
    reach: m.reach ?? null,
    approvedBy: m.approvedBy ?? null,
    createdAt: m.createdAt,
    progress: {
      processed: m.processed, sent: m.sent, failed: m.failed, suppressed: m.suppressed, skipped: m.skipped,
      bounced: m.bounced, complained: m.complained, unsubscribed: m.unsubscribed, pausedBecause: m.pausedBecause ?? null,
    },
  };
}

/**
 * What a draft says, checked: a segmented message is never posted in the space (those it leaves out
 * would read it); a section has no sympathisants; a promoted or excluded action is one of the space's.
 */
async function draftFields(person: Extract<Caller, { kind: 'person' }>, ref: SpaceRef, body: z.output<typeof MailingDraftRequest>) {
  const spaceKey = spaceKeyOf(ref);
  if (body.segment && body.postInSpace) throw new ValidationError([{ field: 'body.postInSpace', message: 'un message segmenté ne se publie pas' }], 'mailing.segment-not-posted');
  if (ref.type === 'section' && body.segment?.status === 'sympathisants') throw new ValidationError([{ field: 'body.segment.status', message: 'une section ne compte que des adhérents' }], 'mailing.sympathisants-in-section');
  for (const [field, eventId] of [['body.eventId', body.eventId], ['body.segment.excludeEventId', body.segment?.excludeEventId]] as const) {
    if (eventId && !(await eventOfSpace(eventId, spaceKey))) throw new ValidationError([{ field, message: 'pas une action de cet espace' }], 'mailing.event-not-in-space');
  }
  const me = body.replyTo === 'me' ? await callerItem(person) : undefined;
  return {
    me,
    set: {
      subject: body.subject,
      text: body.text,
      replyTo: body.replyTo,
      postInSpace: body.postInSpace,
      ...(body.eventId && { eventId: body.eventId }),
      ...(body.segment && { segment: JSON.stringify(body.segment) }),
      ...(me && { replyToAddress: me.email }),
    },
    /** The optional fields the draft no longer has. */
    removed: [...(body.eventId ? [] : ['eventId' as const]), ...(body.segment ? [] : ['segment' as const]), ...(me ? [] : ['replyToAddress' as const])],
  };
}

/** Writes a draft. */
export async function createMailing(caller: Caller, ref: SpaceRef, body: z.output<typeof MailingDraftRequest>): Promise<Dto> {
  const person = requirePerson(caller);
  const { resolved } = await spokenFor(caller, ref);
  const { me, set } = await draftFields(person, ref, body);
  const { data } = await MailingEntity.create({
    mailingId: randomBytes(12).toString('hex'),
    spaceType: ref.type,
    spaceId: resolved.id,
    spaceKey: spaceKeyOf(ref),
    spaceLabel: resolved.label,
    ...(resolved.federationCode && { federationCode: resolved.federationCode }),
    authorId: person.userId,
    authorName: me ? `${me.givenName} ${me.familyName}` : await authorName(person.userId),
    ...set,
  }).go();
  return toDto(data as MailingItem);
}

/** Its author's draft, still a draft: anyone else who speaks for the space sees it, but does not change it. */
async function ownDraft(caller: Caller, ref: SpaceRef, mailingId: string) {
  const person = requirePerson(caller);
  const found = await mailingIn(caller, ref, mailingId, true);
  if (found.m.authorId !== person.userId) throw new ForbiddenError('mailing.not-author');
  if (found.m.state !== 'draft') throw new ConflictError('mailing.not-draft');
  return { person, ...found };
}

/** Rewrites a draft (the composer's form again), as long as it is one: a draft sent meanwhile is a 409, unchanged. */
export async function updateMailing(caller: Caller, ref: SpaceRef, mailingId: string, body: z.output<typeof MailingDraftRequest>): Promise<Dto> {
  const { person } = await ownDraft(caller, ref, mailingId);
  const { set, removed } = await draftFields(person, ref, body);
  const patch = MailingEntity.patch({ mailingId }).set(set);
  const { data } = await (removed.length ? patch.remove(removed) : patch)
    .where((attr, { eq }) => `${eq(attr.state, 'draft')} AND ${eq(attr.authorId, person.userId)}`)
    .go({ response: 'all_new' })
    .catch((error: Error) => {
      if (isConditionFailure(error)) throw new ConflictError('mailing.not-draft');
      throw error;
    });
  return toDto(data as MailingItem);
}

/** Deletes a draft, and only a draft: what was sent or scheduled stays, with its audit. */
export async function deleteMailing(caller: Caller, ref: SpaceRef, mailingId: string): Promise<{ ok: true }> {
  const { person } = await ownDraft(caller, ref, mailingId);
  await MailingEntity.delete({ mailingId })
    .where((attr, { eq }) => `${eq(attr.state, 'draft')} AND ${eq(attr.authorId, person.userId)}`)
    .go()
    .catch((error: Error) => {
      if (isConditionFailure(error)) throw new ConflictError('mailing.not-draft');
      throw error;
    });
  return { ok: true };
}

async function authorName(userId: string): Promise<string> {
  const { data } = await PersonEntity.get({ userId }).go({ attributes: ['givenName', 'familyName'] });
  return data ? `${data.givenName} ${data.familyName}` : 'Coopol';
}

/** The space's mailings, newest first (ML2). */
export async function listMailings(caller: Caller, ref: SpaceRef): Promise<{ items: Dto[] }> {
  await spokenFor(caller, ref);
  const { data } = await MailingEntity.query.bySpace({ spaceKey: spaceKeyOf(ref) }).go({ order: 'desc', limit: 50 });
  return { items: data.map((m) => toDto(m as MailingItem)) };
}

export async function getMailing(caller: Caller, ref: SpaceRef, mailingId: string): Promise<Dto> {
  return toDto((await mailingIn(caller, ref, mailingId)).m);
}

/** How many of the space's people the segment keeps (the pages of its shards, read through). */
async function reachOf(m: MailingItem): Promise<number> {
  const { data: author } = await PersonEntity.get({ userId: m.authorId }).go();
  const keep = await segmentFilter(segmentOf(m), m.spaceKey, author ? { kind: 'person', ...factsOf(author) } : { kind: 'anonymous' });
  const counts = await pool(await shardsOf(m), 8, async (shard) => {
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await spacePeoplePage(shard, cursor, 1000);
      count += (await keep(page.people)).length;
      cursor = page.cursor;
    } while (cursor);
    return count;
  });
  return counts.reduce((a, b) => a + b, 0);
}

/** A count, never a list; under 10, only « moins de 10 ». */
export async function countReach(caller: Caller, ref: SpaceRef, mailingId: string) {
  const { m } = await mailingIn(caller, ref, mailingId);
  const count = await reachOf(m);
  if (count < 10) return { count: null, fewerThanTen: true, text: 'moins de 10 personnes' };
  return { count, fewerThanTen: false, text: `${count.toLocaleString('fr-FR')} personnes` };
}

/** The mail as a recipient will see it, with the first name given (or the sender's). */
export async function previewMailing(caller: Caller, ref: SpaceRef, mailingId: string, givenName?: string) {
  const { m } = await mailingIn(caller, ref, mailingId);
  const me = await callerItem(requirePerson(caller));
  const mail = messageMail(m, { givenName: givenName ?? me?.givenName, email: 'apercu@coopol.example' }, unsubscribeLinks(m, 'apercu-du-lien-de-desinscription'), await promotedEventOf(m));
  const rendered = renderMail(mail.template, mail.data);
  return { subject: rendered.subject, text: rendered.text, html: rendered.html, fromName: mail.fromName, replyTo: m.replyToAddress ?? null };
}

const promotedEventOf = (m: MailingItem) => promotedEvent(m.eventId);

/** The mail to oneself, as recipients will get it (one-click header included). */
export async function sendTestMailing(caller: Caller, ref: SpaceRef, mailingId: string): Promise<{ ok: true }> {
  const { m } = await mailingIn(caller, ref, mailingId);
  const me = await callerItem(requirePerson(caller));
  if (!me) throw new NotFoundError('person.not-found');
  const preference = (await ensureMailPreferences([me])).get(me.userId)!;
  const mail = messageMail(m, me, unsubscribeLinks(m, preference.unsubscribeToken), await promotedEventOf(m));
  await sendMail({ ...mail, kind: 'transactional' });
  return { ok: true };
}

const audit = (mailingId: string, action: 'send' | 'schedule' | 'ask-approval' | 'approve' | 'cancel' | 'resume', by: string, detail?: string) =>
  mailingsService.transaction.write(({ audit: a }) => [a.create({ mailingId, at: new Date().toISOString(), action, by, ...(detail && { detail }) }).commit()]);

/** Moves a mailing from one state to another with its audit line, only if it is still `from` (else 409). */
async function move(m: MailingItem, from: MailingItem['state'][], set: Partial<MailingItem>, line: ReturnType<typeof audit>, refusal: 'mailing.not-draft' | 'mailing.not-cancellable' | 'mailing.not-awaiting-approval' | 'mailing.not-paused') {
  const written = await writeTogether([
    ...itemsOf(
      mailingsService.transaction.write(({ mailing }) => [
        mailing
          .patch({ mailingId: m.mailingId })
          .set(set as never)
          .where((attr, { eq }) => from.map((state) => eq(attr.state, state)).join(' OR '))
          .commit(),
      ]),
    ),
    ...itemsOf(line),
  ]);
  if (!written.written) throw new ConflictError(refusal);
  return { ...m, ...set } as MailingItem;
}

const scheduleName = (mailingId: string) => `mailing-${mailingId}`;

/**
 * Sends now or at `at`. A federation's or national message above the stage's threshold waits for a
 * second person's approval first (then goes as asked). Two senders at once: one moves the draft, the other is told 409.
 */
export async function sendMailing(caller: Caller, ref: SpaceRef, mailingId: string, at: string | undefined): Promise<Dto> {
  const person = requirePerson(caller);
  const { m, space } = await mailingIn(caller, ref, mailingId, true);
  if (m.state !== 'draft') throw new ConflictError('mailing.not-draft');
  if (at && new Date(at).getTime() <= Date.now()) throw new ValidationError([{ field: 'body.at', message: 'une date à venir' }], 'mailing.in-the-past');
  const reach = await reachOf(m);
  const sendAt = at ? new Date(at).toISOString() : undefined;
  if (needsApproval(space as never, reach, approvalThreshold)) {
    return toDto(await move(m, ['draft'], { state: 'awaiting-approval', reach, ...(sendAt && { sendAt }) }, audit(m.mailingId, 'ask-approval', person.userId, String(reach)), 'mailing.not-draft'));
  }
  return toDto(await go(m, ['draft'], { reach, ...(sendAt && { sendAt }) }, person.userId));
}

/** Sends or schedules a mailing that may go: from `from` to `scheduled` (with its schedule) or `sending` (with its tasks). */
async function go(m: MailingItem, from: MailingItem['state'][], set: Partial<MailingItem>, by: string): Promise<MailingItem> {
  const sendAt = set.sendAt ?? m.sendAt;
  if (sendAt && new Date(sendAt).getTime() > Date.now()) {
    const moved = await move(m, from, { ...set, state: 'scheduled' }, audit(m.mailingId, 'schedule', by, sendAt), 'mailing.not-draft');
    await scheduleJob(scheduleName(m.mailingId), 'mailing-send', new Date(sendAt), { mailingId: m.mailingId });
    return moved;
  }
  const moved = await move(m, from, { ...set, state: 'sending' }, audit(m.mailingId, 'send', by, String(set.reach ?? m.reach ?? '')), 'mailing.not-draft');
  // Its tasks (and its post in the space) are made by the `mailing-send` job, scheduled for now.
  await scheduleJob(scheduleName(m.mailingId), 'mailing-send', new Date(), { mailingId: m.mailingId });
  return moved;
}

/** The second person's approval of a large federation or national message: it then goes as asked. */
export async function approveMailing(caller: Caller, ref: SpaceRef, mailingId: string): Promise<Dto> {
  const person = requirePerson(caller);
  const { m, space } = await mailingIn(caller, ref, mailingId, true);
  mayApproveMailing(caller, space as never, m.authorId, policyOptions);
  if (m.state !== 'awaiting-approval') throw new ConflictError('mailing.not-awaiting-approval');
  const approved = await move(m, ['awaiting-approval'], { approvedBy: person.userId }, audit(m.mailingId, 'approve', person.userId, String(m.reach ?? '')), 'mailing.not-awaiting-approval');
  // Its own transition (the approval is recorded either way): scheduled or sending.
  return toDto(await go({ ...approved, state: 'awaiting-approval' }, ['awaiting-approval'], {}, person.userId));
}

/** Cancels a scheduled message (its schedule removed; a schedule firing anyway finds it cancelled) or one awaiting approval. */
export async function cancelMailing(caller: Caller, ref: SpaceRef, mailingId: string): Promise<Dto> {
  const person = requirePerson(caller);
  const { m } = await mailingIn(caller, ref, mailingId, true);
  const cancelled = await move(m, ['scheduled', 'awaiting-approval'], { state: 'cancelled' }, audit(m.mailingId, 'cancel', person.userId), 'mailing.not-cancellable');
  await cancelScheduledJob(scheduleName(m.mailingId));
  return toDto(cancelled);
}

/** Resumes a sending the breaker stopped: its counts so far become the breaker's base; each halted shard goes on from its cursor. */
export async function resumeMailing(caller: Caller, ref: SpaceRef, mailingId: string): Promise<Dto> {
  const person = requirePerson(caller);
  const { m } = await mailingIn(caller, ref, mailingId, true);
  const resumed = await move(
    m,
    ['paused'],
    { state: 'sending', baseSent: m.sent, baseBounced: m.bounced, baseComplained: m.complained, resumedAt: new Date().toISOString() },
    audit(m.mailingId, 'resume', person.userId, m.pausedBecause),
    'mailing.not-paused',
  );
  await MailingEntity.patch({ mailingId }).remove(['pausedBecause']).go();
  await handOverHaltedTasks(mailingId);
  return toDto({ ...resumed, pausedBecause: undefined });
}

/** The audit of a mailing, oldest first (ML3). */
export async function mailingAudit(mailingId: string) {
  return (await MailingAuditEntity.query.byMailing({ mailingId }).go({ pages: 'all' })).data;
}
