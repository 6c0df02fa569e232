import { logger } from '../../shared/logger';
import { pool } from '../../shared/pool';
import { siteLink } from '../../shared/site';
import { sesMaxSendRate, takeSendPermits } from '../mail/pacing';
import { acceptedAmong, mailLeaseSeconds, type Mailing } from '../mail/acceptance';
import { sendTracked } from '../mail/send-tracked';
import { unsubscribeHeaders } from '../mail/send';
import { suppressedAmong } from '../mail/suppression';
import { PersonEntity } from '../people/entities';
import { GroupMemberEntity, NotificationStateEntity } from '../social/entities';
import { listFederations } from '../territory/service';
import { AnnouncementTaskEntity, eventsService, MailReceiptEntity } from './entities';
import { facts, kindLabels, loadEvent, preferencesOf, type PersonItem } from './mail';
import type { EventItem } from './read';
import { isConditionFailure } from '../../shared/conditions';

/**
 * An event's announcement to its space, page by page (ADR 0013), built like the wave sender
 * (ADR 0009): one task per audience (a section, a federation, a group; a national announcement has
 * one per federation), consumed from the table stream. Each page of PAGE_SIZE people:
 * 1. reads who unsubscribed, is suppressed, or has their receipt (one BatchGet each);
 * 2. claims the rest — their receipts, with a lease — in one transaction (any already there: read again);
 * 3. sends, paced to the account's send rate shared with every bulk sender (`takeSendPermits`), each
 *    mail tagged with the event and the recipient (`domain/mail/acceptance.ts`);
 * 4. commits the page: the task's cursor, conditioned on where the page started (a page is counted
 *    once), and the end of its claims.
 * A run killed between claim and commit leaves claims: the run that resumes waits for their lease,
 * then asks SES's acceptances (its `Send` events, recorded by the mail-feedback job): accepted →
 * counted sent; not accepted → sent again. Exactly once, unless SES's event comes after the lease.
 */

/** A claim or a commit writes one item per recipient: 48 people keep a page's transactions under 100 items. */
export const PAGE_SIZE = 48;
const CONCURRENCY = 10;
/** Time kept in hand before the function's timeout to commit and hand over to the next invocation. */
const HANDOVER_MS = 60_000;
const TOPIC = 'announcement';

type Scope = { scopeType: 'section' | 'federation' | 'group'; scopeId: string };
export type AnnouncementTaskKey = Scope & { eventId: string; seq: number };
type AudiencePage = { people: PersonItem[]; cursor: string | null };

/** The audiences of an event's announcement: its own space, or every federation for a national event. */
async function scopesOf(event: EventItem): Promise<Scope[]> {
  if (event.spaceType === 'national') return (await listFederations()).map((f) => ({ scopeType: 'federation', scopeId: f.code }));
  return [{ scopeType: event.spaceType, scopeId: event.spaceId }];
}

/**
 * Queues the announcement of a published event (the `event-mails` job): one task per audience,
 * each created at most once (asking twice changes nothing).
 */
export async function announceEvent(eventId: string): Promise<{ tasks: number }> {
  const event = await loadEvent(eventId);
  if (!event.announce || event.status !== 'published') return { tasks: 0 };
  const scopes = await scopesOf(event);
  const created = await pool(scopes, CONCURRENCY, (scope) =>
    AnnouncementTaskEntity.create({ eventId, ...scope, seq: 0 })
      .go()
      .then(() => 1)
      .catch((error: unknown) => {
        if (isConditionFailure(error)) return 0;
        throw error;
      }),
  );
  return { tasks: created.reduce((a, b) => a + b, 0) };
}

/**
 * A page of an audience and the cursor of the next: a section's or a federation's people
 * (P2 / P3), or a group's members (S3, then one BatchGet of them and one of their notification
 * settings: who muted the group is left out). Adhérents only, supporters too when the event is open to them.
 */
async function audiencePage(event: EventItem, scope: Scope, cursor: string | null): Promise<AudiencePage> {
  const supportersToo = event.visibility === 'public' || event.visibility === 'supporters';
  const keep = (people: PersonItem[]) => people.filter((p) => p.status === 'adherent' || supportersToo);
  const options = { cursor, limit: PAGE_SIZE };
  switch (scope.scopeType) {
    case 'section': {
      const page = await PersonEntity.query.bySection({ sectionId: scope.scopeId }).go(options);
      return { people: keep(page.data), cursor: page.cursor };
    }
    case 'federation': {
      const page = await PersonEntity.query.byFederation({ federationCode: scope.scopeId }).go(options);
      return { people: keep(page.data), cursor: page.cursor };
    }
    case 'group': {
      const groupId = scope.scopeId;
      const page = await GroupMemberEntity.query.byGroup({ groupId }).where(({ state }, { eq }) => eq(state, 'member')).go(options);
      const keys = page.data.map(({ userId }) => ({ userId }));
      if (!keys.length) return { people: [], cursor: page.cursor };
      const [people, settings] = await Promise.all([PersonEntity.get(keys).go(), NotificationStateEntity.get(keys).go()]);
      const muted = new Set(settings.data.filter((n) => n.mutedGroups?.includes(groupId)).map((n) => n.userId));
      return { people: keep(people.data).filter((p) => !muted.has(p.userId)), cursor: page.cursor };
    }
  }
}

const ANNOUNCEMENT = (eventId: string): Mailing => ({ kind: 'announcement', id: eventId });
const nowSeconds = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A receipt claimed by a run that has not committed its page (gone, or still sending): its lease. */
type StaleClaim = { person: PersonItem; leaseUntil: number };

/**
 * Who of a page needs what (one BatchGet each of preferences, suppressions and receipts; of SES's
 * acceptances when claims have expired): a claim (announcements wanted, address not suppressed, no
 * receipt), a claim again (an expired lease, SES did not accept the mail) or nothing but counting
 * (an expired lease whose mail SES accepted). A lease still running is waited for, then read again.
 */
async function settlePage(eventId: string, people: PersonItem[]) {
  for (;;) {
    const [preferences, suppressed, receipts] = await Promise.all([
      preferencesOf(people),
      suppressedAmong(people.map((p) => p.email.toLowerCase()), 'bulk'),
      people.length
        ? MailReceiptEntity.get(people.map((p) => ({ eventId, topic: TOPIC, recipient: p.userId }))).go({ consistent: true, preserveBatchOrder: true })
        : { data: [] },
    ]);
    const toClaim: PersonItem[] = [];
    const expired: StaleClaim[] = [];
    let leaseEnds = 0;
    people.forEach((person, i) => {
      const receipt = receipts.data[i];
      if (!receipt) {
        if (preferences.get(person.userId)?.eventAnnouncements && !suppressed.has(person.email.toLowerCase())) toClaim.push(person);
      } else if (receipt.leaseUntil === undefined) return; // sent (or refused for good) and committed
      else if (receipt.leaseUntil <= nowSeconds()) expired.push({ person, leaseUntil: receipt.leaseUntil });
      else leaseEnds = Math.max(leaseEnds, receipt.leaseUntil);
    });
    if (leaseEnds) {
      await sleep((leaseEnds - nowSeconds() + 1) * 1000);
      continue;
    }
    const accepted = await acceptedAmong(ANNOUNCEMENT(eventId), expired.map((c) => c.person.userId));
    return {
      preferences,
      toClaim,
      toReclaim: expired.filter((_, i) => !accepted[i]),
      settled: expired.filter((_, i) => accepted[i]).map((c) => c.person),
    };
  }
}

/**
 * Claims a page's recipients in one transaction: their receipts, with a lease (created; an expired
 * one renewed on its old lease). False when another run got some first.
 */
async function claimPage(eventId: string, fresh: PersonItem[], stale: StaleClaim[]): Promise<boolean> {
  if (!fresh.length && !stale.length) return true;
  const at = new Date().toISOString();
  const leaseUntil = nowSeconds() + mailLeaseSeconds;
  const result = await eventsService.transaction
    .write(({ receipt }) => [
      ...fresh.map((p) => receipt.create({ eventId, topic: TOPIC, recipient: p.userId, at, leaseUntil }).commit()),
      ...stale.map(({ person, leaseUntil: old }) =>
        receipt
          .patch({ eventId, topic: TOPIC, recipient: person.userId })
          .set({ leaseUntil, at })
          .where((attr, { eq }) => eq(attr.leaseUntil, old))
          .commit(),
      ),
    ])
    .go();
  return !result.canceled;
}

/** What a page's commit records: the mails counted sent, the receipts whose claim it settles. */
type PageResult = { sent: number; settled: PersonItem[] };

/** Sends one page's mails, paced, after claiming them: what to commit. */
async function sendPage(event: EventItem, people: PersonItem[], rate: number): Promise<PageResult> {
  for (;;) {
    const { preferences, toClaim, toReclaim, settled } = await settlePage(event.eventId, people);
    if (!(await claimPage(event.eventId, toClaim, toReclaim))) continue; // a concurrent run claimed some: look again
    const claimed = [...toClaim, ...toReclaim.map((c) => c.person)];
    const queue = [...claimed];
    let sent = settled.length; // sent by a run that died before its commit: SES said so
    while (queue.length) {
      const { granted, until } = await takeSendPermits(queue.length, rate);
      const batch = queue.splice(0, granted);
      // A permit is for its second: a mail not started by then waits for the next permits.
      const outcomes = await pool(batch, CONCURRENCY, async (person) => {
        if (Date.now() >= until) return undefined;
        const token = preferences.get(person.userId)!.unsubscribeToken;
        return sendTracked(ANNOUNCEMENT(event.eventId), person.userId, {
          to: person.email,
          template: 'event-announcement',
          // The body links to a page with a button; mail clients' one-click unsubscribe POSTs to the API.
          data: {
            ...facts(event, person.givenName),
            kindLabel: kindLabels[event.kind],
            description: event.description,
            unsubscribeUrl: siteLink(`/desinscription/evenements/${token}`),
          },
          headers: unsubscribeHeaders(siteLink(`/api/event-announcements/unsubscribe/${token}`)),
        });
      });
      batch.forEach((person, i) => {
        const outcome = outcomes[i];
        if (!outcome) queue.push(person);
        else if (outcome.state === 'sent') sent += 1;
        else logger.warn('announcement refused by SES', { eventId: event.eventId, userId: person.userId, error: outcome.error });
      });
    }
    return { sent, settled: [...settled, ...claimed] };
  }
}

/**
 * Commits a page in one transaction (at most 49 items): the task moves from `from` to `next` (or
 * done), counting the page, and the page's claims end (their receipts lose their lease: sent, or
 * refused for good). False when another run committed this page first.
 */
async function commitPage(key: AnnouncementTaskKey, from: string | null, next: string | null, processed: number, result: PageResult): Promise<boolean> {
  const written = await eventsService.transaction
    .write(({ announcementTask, receipt }) => [
      announcementTask
        .patch(key)
        .set(next ? { cursor: next } : { done: true })
        .add({ pages: 1, processed, sent: result.sent })
        .where((attr, { eq, notExists }) => (from ? eq(attr.cursor, from) : notExists(attr.cursor)))
        .commit(),
      ...result.settled.map((p) => receipt.patch({ eventId: key.eventId, topic: TOPIC, recipient: p.userId }).remove(['leaseUntil']).commit()),
    ])
    .go();
  if (!written.canceled) return true;
  if (written.data[0]?.code === 'ConditionalCheckFailed') return false;
  throw new Error(`announcement task ${JSON.stringify(key)}: page from ${from} not committed: ${JSON.stringify(written.data.map((d) => d.code))}`);
}

/**
 * Sends a task's pages until its audience is done or `remainingMs()` runs low, then hands over to
 * a new task (seq + 1) that goes on from the last committed page. A run that finds its page already
 * committed by another (a redelivered stream record) stops: the other one carries on.
 */
export async function runAnnouncementTask(key: AnnouncementTaskKey, remainingMs: () => number): Promise<void> {
  const { data: task } = await AnnouncementTaskEntity.get(key).go({ consistent: true });
  if (!task || task.done) return;
  const rate = await sesMaxSendRate();
  let cursor = task.cursor ?? null;
  while (remainingMs() >= HANDOVER_MS) {
    // Read before each page: an event cancelled meanwhile is announced to nobody else.
    const event = await loadEvent(key.eventId);
    const page: AudiencePage = event.status === 'published' ? await audiencePage(event, key, cursor) : { people: [], cursor: null };
    const result = await sendPage(event, page.people, rate);
    if (!(await commitPage(key, cursor, page.cursor, page.people.length, result))) return;
    if (!page.cursor) return;
    cursor = page.cursor;
  }
  await eventsService.transaction
    .write(({ announcementTask }) => [
      announcementTask.patch(key).set({ done: true }).where((attr, { eq }) => eq(attr.done, false)).commit(),
      announcementTask.create({ ...key, seq: key.seq + 1, cursor: cursor ?? undefined }).commit(),
    ])
    .go();
  logger.info('announcement task handed over', { ...key, cursor });
}

/** Where an event's announcement stands: its tasks (one Query of the event's partition). */
export async function announcementTasks(eventId: string) {
  return (await AnnouncementTaskEntity.query.byEvent({ eventId }).go({ pages: 'all' })).data;
}
