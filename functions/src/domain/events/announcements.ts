import { logger } from '../../shared/logger';
import { pool } from '../../shared/pool';
import { siteLink } from '../../shared/site';
import { sesMaxSendRate, takeSendPermits } from '../mail/pacing';
import { sendMail, unsubscribeHeaders } from '../mail/send';
import { suppressedAmong } from '../mail/suppression';
import { PersonEntity } from '../people/entities';
import { GroupMemberEntity, NotificationStateEntity } from '../social/entities';
import { listFederations } from '../territory/service';
import { AnnouncementTaskEntity, eventsService, MailReceiptEntity } from './entities';
import { facts, kindLabels, loadEvent, preferencesOf, type PersonItem } from './mail';
import type { EventItem } from './read';

/**
 * An event's announcement to its space, page by page (ADR 0013), built like the wave sender
 * (ADR 0009): one task per audience (a section, a federation, a group; a national announcement has
 * one per federation), consumed from the table stream. Each page of PAGE_SIZE people:
 * 1. drops who unsubscribed, is suppressed, or already has their receipt (one BatchGet each);
 * 2. claims the rest — their receipts — in one transaction (any already there: read again);
 * 3. sends, paced to the account's send rate shared with every bulk sender (`takeSendPermits`);
 * 4. moves the task's cursor, conditioned on where the page started: a page is counted once.
 * The receipt is written before the mail goes, so nobody ever gets the announcement twice (a send
 * that fails after its claim is not retried: at most once, as for every event mail).
 */

/** A claim writes one receipt per recipient: 48 people keep a page's transaction well under 100 items. */
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
        if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return 0;
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

/** Who of a page still needs the mail: announcements wanted, address not suppressed, no receipt yet. */
async function stillToMail(eventId: string, people: PersonItem[]) {
  const [preferences, suppressed, receipts] = await Promise.all([
    preferencesOf(people),
    suppressedAmong(people.map((p) => p.email.toLowerCase()), 'bulk'),
    people.length
      ? MailReceiptEntity.get(people.map((p) => ({ eventId, topic: TOPIC, recipient: p.userId }))).go({ consistent: true })
      : { data: [] },
  ]);
  const done = new Set(receipts.data.map((r) => r.recipient));
  const wanted = people.filter((p) => preferences.get(p.userId)?.eventAnnouncements && !suppressed.has(p.email.toLowerCase()) && !done.has(p.userId));
  return { wanted, preferences };
}

/** Claims a page's recipients (their receipts) in one transaction; false when another run got some first. */
async function claimPage(eventId: string, people: PersonItem[]): Promise<boolean> {
  if (!people.length) return true;
  const at = new Date().toISOString();
  const result = await eventsService.transaction
    .write(({ receipt }) => people.map((p) => receipt.create({ eventId, topic: TOPIC, recipient: p.userId, at }).commit()))
    .go();
  return !result.canceled;
}

/** Sends one page's mails, paced; returns how many went. */
async function sendPage(event: EventItem, people: PersonItem[], rate: number): Promise<number> {
  for (;;) {
    const { wanted, preferences } = await stillToMail(event.eventId, people);
    if (!(await claimPage(event.eventId, wanted))) continue; // a concurrent run claimed some: look again
    const queue = [...wanted];
    let sent = 0;
    while (queue.length) {
      const { granted, until } = await takeSendPermits(queue.length, rate);
      const batch = queue.splice(0, granted);
      // A permit is for its second: a mail not started by then waits for the next permits.
      const started = await pool(batch, CONCURRENCY, async (person) => {
        if (Date.now() >= until) return false;
        const token = preferences.get(person.userId)!.unsubscribeToken;
        await sendMail({
          to: person.email,
          kind: 'bulk',
          suppressionChecked: true,
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
        return true;
      });
      batch.forEach((person, i) => (started[i] ? (sent += 1) : queue.push(person)));
    }
    return sent;
  }
}

/** Moves the task from `from` to `next` (or done), counting the page: false when another run already did. */
async function commitPage(key: AnnouncementTaskKey, from: string | null, next: string | null, processed: number, sent: number): Promise<boolean> {
  try {
    await AnnouncementTaskEntity.patch(key)
      .set(next ? { cursor: next } : { done: true })
      .add({ pages: 1, processed, sent })
      .where((attr, { eq, notExists }) => (from ? eq(attr.cursor, from) : notExists(attr.cursor)))
      .go();
    return true;
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
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
    const sent = await sendPage(event, page.people, rate);
    if (!(await commitPage(key, cursor, page.cursor, page.people.length, sent))) return;
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
