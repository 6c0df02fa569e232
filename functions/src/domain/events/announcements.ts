import { pool } from '../../shared/pool';
import { mapReading, reading } from '../../shared/read-together';
import { siteLink } from '../../shared/site';
import type { BulkMail, BulkMailAdapter, Receipt, ReceiptStore } from '../mail/bulk/adapter';
import { BULK_PAGE_SIZE, runBulkTask } from '../mail/bulk/engine';
import { itemsOf } from '../mail/bulk/transaction';
import { unsubscribeHeaders } from '../mail/send';
import { spacePeoplePage, type SpaceShard } from '../spaces/people';
import { listFederations } from '../territory/service';
import { AnnouncementTaskEntity, eventsService, MailReceiptEntity } from './entities';
import { mailPreferencesOf } from '../mail/preferences';
import { facts, kindLabels, loadEvent, slotLinks, type PersonItem } from './mail';
import type { EventItem } from './read';
import { isConditionFailure } from '../../shared/conditions';

/**
 * An event's announcement to its space, page by page (ADR 0013): the bulk-mail engine (ADR 0016)
 * over one task per audience (a section, a federation, a group; a national announcement has one per
 * federation), consumed from the table stream. The audience leaves out supporters unless the event
 * is open to them, and who muted a group; its mails, who turned announcements off (E14); each mail
 * is a receipt (E13).
 */

/** A page of people (the engine's largest: the claims and the commit stay under 100 items). */
export const PAGE_SIZE = BULK_PAGE_SIZE;
const CONCURRENCY = 10;

type Scope = SpaceShard;
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

/** A page of an audience (the space's people, `spaces/people.ts`): adhérents only, supporters too when the event is open to them. */
async function audiencePage(event: EventItem, scope: Scope, cursor: string | null, limit: number): Promise<AudiencePage> {
  const supportersToo = event.visibility === 'public' || event.visibility === 'supporters';
  const page = await spacePeoplePage(scope, cursor, limit);
  return { people: page.people.filter((p) => p.status === 'adherent' || supportersToo), cursor: page.cursor };
}

const TOPIC = 'announcement';
type Recipient = { person: PersonItem; event: EventItem };

/** An announcement's mails are receipts of its topic (E13), carrying a lease until their page commits. */
function receiptsOf(eventId: string): ReceiptStore {
  const one = (fn: Parameters<typeof eventsService.transaction.write>[0]) => itemsOf(eventsService.transaction.write(fn))[0]!;
  const key = (recipient: string) => ({ eventId, topic: TOPIC, recipient });
  return {
    read: (recipients) =>
      reading(MailReceiptEntity, recipients.map(key), (found) => {
        const byRecipient = new Map(found.map((r) => [r.recipient, r]));
        // A settled receipt says no more than that: sent (or refused for good, which was logged).
        return recipients.map((recipient): Receipt | undefined => {
          const r = byRecipient.get(recipient);
          return !r ? undefined : r.leaseUntil === undefined ? { state: 'sent', messageId: '' } : { state: 'claimed', leaseUntil: r.leaseUntil };
        });
      }),
    claim: (recipient, leaseUntil) => one(({ receipt }) => [receipt.create({ ...key(recipient), at: new Date().toISOString(), leaseUntil }).commit()]),
    reclaim: (recipient, expired, leaseUntil) => one(({ receipt }) => [receipt.patch(key(recipient)).set({ leaseUntil, at: new Date().toISOString() }).where((attr, { eq }) => eq(attr.leaseUntil, expired)).commit()]),
    settle: (recipient) => one(({ receipt }) => [receipt.patch(key(recipient)).remove(['leaseUntil']).commit()]),
  };
}

/** One audience of an event's announcement, as the bulk-mail engine sends it. */
function announcementMailing(key: AnnouncementTaskKey): BulkMailAdapter<Recipient> {
  // The action's slots, read once a run (not once a page): each mail links to each slot's sign-up.
  let slots: ReturnType<typeof slotLinks> | undefined;
  return {
    mailing: { kind: 'announcement', id: key.eventId },
    suppression: 'bulk',
    async audience(cursor, limit) {
      // Read before each page: an event cancelled meanwhile is announced to nobody else.
      const event = await loadEvent(key.eventId);
      if (event.status !== 'published') return { recipients: [], next: null };
      const page = await audiencePage(event, key, cursor, limit);
      return { recipients: page.people.map((person) => ({ person, event })), next: page.cursor };
    },
    recipient: ({ person }) => ({ id: person.userId, email: person.email }),
    // The page's preferences, read with its receipts (the engine's one BatchGet); the slots once a run.
    mails: (page) =>
      mapReading(mailPreferencesOf(page.map((r) => r.person)), async (made) => {
        slots ??= slotLinks(key.eventId);
        const [preferences, needs] = await Promise.all([made, slots]);
        return ({ person, event }: Recipient): BulkMail | undefined => {
          const preference = preferences.get(person.userId);
          if (!preference?.eventAnnouncements) return undefined;
          return {
            to: person.email,
            template: 'event-announcement',
            fromName: `${event.spaceName} · Coopol`,
            // The body links to a page with a button; mail clients' one-click unsubscribe POSTs to the API.
            data: {
              ...facts(event, person.givenName),
              kindLabel: kindLabels[event.kind],
              description: event.description,
              slots: needs,
              unsubscribeUrl: siteLink(`/desinscription/evenements/${preference.unsubscribeToken}`),
              preferencesUrl: siteLink('/notifications/preferences'),
            },
            headers: unsubscribeHeaders(siteLink(`/api/event-announcements/unsubscribe/${preference.unsubscribeToken}`)),
          };
        };
      }),
    receipts: receiptsOf(key.eventId),
    progress: (from, next, { processed, sent }) =>
      itemsOf(
        eventsService.transaction.write(({ announcementTask }) => [
          announcementTask
            .patch(key)
            .set(next ? { cursor: next } : { done: true })
            .add({ pages: 1, processed, sent })
            .where((attr, { eq, notExists }) => (from ? eq(attr.cursor, from) : notExists(attr.cursor)))
            .commit(),
        ]),
      ),
    handOver: (cursor) =>
      itemsOf(
        eventsService.transaction.write(({ announcementTask }) => [
          announcementTask.patch(key).set({ done: true }).where((attr, { eq }) => eq(attr.done, false)).commit(),
          announcementTask.create({ ...key, seq: key.seq + 1, cursor: cursor ?? undefined }).commit(),
        ]),
      ),
  };
}

/** Sends a task's pages (the event-announcements job), resuming at its cursor; near the timeout it hands over to seq + 1. */
export async function runAnnouncementTask(key: AnnouncementTaskKey, remainingMs: () => number): Promise<void> {
  const { data: task } = await AnnouncementTaskEntity.get(key).go({ consistent: true });
  if (!task || task.done) return;
  await runBulkTask(announcementMailing(key), task.cursor ?? null, remainingMs);
}

// Where an event's announcement stands (its tasks) is read with the event: read.ts.
export { announcementTasks } from './read';
