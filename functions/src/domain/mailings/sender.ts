import type { Segment } from '../../contracts/mailings';
import { logger } from '../../shared/logger';
import { mapReading } from '../../shared/read-together';
import { siteLink } from '../../shared/site';
import { factsOf } from '../access/load-caller';
import { facts, slotLinks } from '../events/mail';
import { EventEntity } from '../events/entities';
import type { BulkMailAdapter } from '../mail/bulk/adapter';
import { runBulkTask } from '../mail/bulk/engine';
import { bulkReceipts, bulkTaskProgress, bulkTasks, loadBulkTask, type BulkTaskKey } from '../mail/bulk/stores';
import { itemsOf, writeTogether } from '../mail/bulk/transaction';
import { mailPreferencesOf, subscribed } from '../mail/preferences';
import type { SpaceMessageData } from '../mail/templates/mailing';
import { unsubscribeHeaders } from '../mail/send';
import { PersonEntity } from '../people/entities';
import { spacePeoplePage, type SpacePerson, type SpaceShard } from '../spaces/people';
import { listFederations } from '../territory/service';
import { MailingEntity, mailingsService } from './entities';
import { segmentFilter } from './segment';

/**
 * A message to a space's members as the bulk-mail engine sends it (ADR 0016's third adapter, ADR
 * 0028): one task per shard of the space (`section:mulhouse`, `federation:68`, `group:…`), over the
 * engine's own tasks and receipts (MS4, MS5). The audience is the shard's people kept by the segment;
 * the mails leave out who unsubscribed from this space's messages (E14, the page's one BatchGet). Before
 * each page the message is read: its counts stop the sending by themselves past SES's thresholds.
 */
export const mailingOf = (mailingId: string) => ({ kind: 'message' as const, id: mailingId });
/** Receipts are kept as long as a message's progress is shown. */
const RECEIPT_DAYS = 90;
/** SES's own thresholds (its account review starts there): bounces above 5 %, complaints above 0.1 % of the sent. */
export const BOUNCE_LIMIT = 0.05;
export const COMPLAINT_LIMIT = 0.001;
/** Below this many mails sent since the start (or the resume), a few bounces say nothing yet. */
export const BREAKER_MIN_SENT = 100;

export type MailingItem = NonNullable<Awaited<ReturnType<typeof loadMailing>>>;
export const loadMailing = async (mailingId: string, consistent = false) => (await MailingEntity.get({ mailingId }).go({ consistent })).data;

export const shardOf = (shard: string): SpaceShard => {
  const [scopeType, scopeId] = shard.split(':') as [SpaceShard['scopeType'], string];
  return { scopeType, scopeId };
};

/** The shards of a space's audience: its own, or a task per federation for the national level. */
export async function shardsOf(m: Pick<MailingItem, 'spaceType' | 'spaceId'>): Promise<SpaceShard[]> {
  if (m.spaceType === 'national') return (await listFederations()).map((f) => ({ scopeType: 'federation', scopeId: f.code }));
  return [{ scopeType: m.spaceType, scopeId: m.spaceId }];
}

/** Why the breaker stops the sending now, if it does (the counts since the last resume). */
export function breakerTrips(m: Pick<MailingItem, 'sent' | 'bounced' | 'complained' | 'baseSent' | 'baseBounced' | 'baseComplained'>): 'bounces' | 'complaints' | undefined {
  const sent = m.sent - m.baseSent;
  if (sent < BREAKER_MIN_SENT) return undefined;
  if ((m.complained - m.baseComplained) / sent > COMPLAINT_LIMIT) return 'complaints';
  if ((m.bounced - m.baseBounced) / sent > BOUNCE_LIMIT) return 'bounces';
  return undefined;
}

/** Stops a sending by the breaker: `sending` → `paused`, with why, audited; once. */
async function pauseMailing(mailingId: string, because: 'bounces' | 'complaints'): Promise<void> {
  const at = new Date().toISOString();
  const written = await writeTogether(
    itemsOf(
      mailingsService.transaction.write(({ mailing, audit }) => [
        mailing.patch({ mailingId }).set({ state: 'paused', pausedBecause: because }).where((attr, { eq }) => eq(attr.state, 'sending')).commit(),
        audit.create({ mailingId, at, action: 'pause', by: 'breaker', detail: because }).commit(),
      ]),
    ),
  );
  if (written.written) logger.warn('mailing paused by its circuit breaker', { mailingId, because });
}

/** What every mail of the message says of its promoted event: the action and its slots, one link each. */
export async function promotedEvent(eventId: string | undefined): Promise<SpaceMessageData['event']> {
  if (!eventId) return undefined;
  const [{ data: event }, slots] = await Promise.all([EventEntity.get({ eventId }).go(), slotLinks(eventId)]);
  if (!event || event.status !== 'published') return undefined;
  const { title, when, address, url } = facts(event);
  return { title, when, address, url, slots };
}

/** The mail of one recipient (also the preview and the test, so all three are the same mail). */
export function messageMail(m: MailingItem, to: { givenName?: string; email: string }, links: { unsubscribeUrl: string; unsubscribeApi?: string }, event: SpaceMessageData['event']) {
  return {
    to: to.email,
    template: 'space-message' as const,
    data: { givenName: to.givenName, subject: m.subject, text: m.text, spaceLabel: m.spaceLabel, authorName: m.authorName, event, unsubscribeUrl: links.unsubscribeUrl, preferencesUrl: siteLink('/notifications/preferences') },
    fromName: `${m.spaceLabel} · Coopol`,
    ...(m.replyToAddress && { replyTo: m.replyToAddress }),
    ...(links.unsubscribeApi && { headers: unsubscribeHeaders(links.unsubscribeApi) }),
  };
}

export const unsubscribeLinks = (m: Pick<MailingItem, 'spaceType' | 'spaceId' | 'mailingId'>, token: string) => ({
  // The body links to a page with a button; mail clients' one-click unsubscribe POSTs to the API.
  unsubscribeUrl: siteLink(`/desinscription/messages/${token}`, { espace: `${m.spaceType}:${m.spaceId}` }),
  unsubscribeApi: siteLink(`/api/mail-preferences/${token}/spaces/${m.spaceType}/${m.spaceId}/messages/unsubscribe`, { message: m.mailingId }),
});

/** One shard of a message, as the bulk-mail engine sends it. */
async function mailingAdapter(key: BulkTaskKey, first: MailingItem): Promise<BulkMailAdapter<SpacePerson>> {
  const { data: author } = await PersonEntity.get({ userId: first.authorId }).go();
  const sender = author ? { kind: 'person' as const, ...factsOf(author) } : { kind: 'anonymous' as const };
  const segment = first.segment ? (JSON.parse(first.segment) as Segment) : undefined;
  const [keep, event] = await Promise.all([segmentFilter(segment, first.spaceKey, sender), promotedEvent(first.eventId)]);
  const shard = shardOf(key.shard);
  const progress = bulkTaskProgress(key);
  return {
    mailing: key.mailing,
    suppression: 'bulk',
    async halted() {
      const m = await loadMailing(first.mailingId, true);
      if (!m || m.state !== 'sending') return true;
      const trips = breakerTrips(m);
      if (trips) await pauseMailing(m.mailingId, trips);
      return Boolean(trips);
    },
    async audience(cursor, limit) {
      const page = await spacePeoplePage(shard, cursor, limit);
      return { recipients: await keep(page.people), next: page.cursor };
    },
    recipient: (p) => ({ id: p.userId, email: p.email }),
    // The page's preferences, read with its receipts (the engine's one BatchGet).
    mails: (page) =>
      mapReading(mailPreferencesOf(page), async (made) => {
        const preferences = await made;
        return (p: SpacePerson) => {
          const preference = preferences.get(p.userId)!;
          if (!subscribed(preference, first.spaceKey, 'messages')) return undefined;
          return messageMail(first, p, unsubscribeLinks(first, preference.unsubscribeToken), event);
        };
      }),
    receipts: bulkReceipts(key.mailing, RECEIPT_DAYS * 24 * 3600),
    progress: (from, next, counts) => [
      ...progress.progress(from, next, counts),
      ...itemsOf(mailingsService.transaction.write(({ mailing }) => [mailing.patch({ mailingId: first.mailingId }).add(counts).commit()])),
    ],
    handOver: progress.handOver,
    async finished() {
      const tasks = await bulkTasks(key.mailing);
      if (!tasks.every((t) => t.done)) return;
      await MailingEntity.patch({ mailingId: first.mailingId })
        .set({ state: 'sent' })
        .where((attr, { eq }) => eq(attr.state, 'sending'))
        .go()
        .catch(() => undefined); // sent already, or paused meanwhile
    },
  };
}

/** Sends one task of a message (the bulk-mail job); a task of another mailing, or of a message gone, is not this sender's. */
export async function runMailingTask(key: BulkTaskKey, remainingMs: () => number): Promise<void> {
  const [task, m] = await Promise.all([loadBulkTask(key), loadMailing(key.mailing.id, true)]);
  if (!task || task.done || !m) return;
  const outcome = await runBulkTask(await mailingAdapter(key, m), task.cursor ?? null, remainingMs);
  logger.info('mailing task run', { mailingId: m.mailingId, shard: key.shard, seq: key.seq, outcome });
}

/** Resumes each shard left where its run halted: ends its task and creates the next at its cursor (the stream starts it). */
export async function handOverHaltedTasks(mailingId: string): Promise<number> {
  const mailing = mailingOf(mailingId);
  const latest = new Map<string, Awaited<ReturnType<typeof bulkTasks>>[number]>();
  for (const t of await bulkTasks(mailing)) if ((latest.get(t.shard)?.seq ?? -1) < t.seq) latest.set(t.shard, t);
  let resumed = 0;
  for (const t of latest.values()) {
    if (t.done) continue;
    const { written } = await writeTogether(bulkTaskProgress({ mailing, shard: t.shard, seq: t.seq }).handOver(t.cursor ?? null));
    if (written) resumed += 1;
  }
  return resumed;
}
