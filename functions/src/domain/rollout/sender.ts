import { createHash } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { siteLink } from '../../shared/site';
import { logger } from '../../shared/logger';
import { pool } from '../../shared/pool';
import { takeSendPermits, sesMaxSendRate } from '../mail/pacing';
import { unsubscribeHeaders } from '../mail/send';
import { suppressedAmong } from '../mail/suppression';
import { acceptedAmong, mailLeaseSeconds } from '../mail/acceptance';
import { sendTracked, type SendOutcome } from '../mail/send-tracked';
import {
  DeliveryEntity,
  PreregistrationEntity,
  rollout,
  WaveTaskEntity,
} from './entities';
import { waveOptions } from './options';
import { AFTER_LAUNCH_RETENTION_SECONDS } from './preregistration';
import { finishWaveIfDone } from './opening';
import { isConditionFailure } from '../../shared/conditions';

/**
 * The wave sender (ADR 0009). One task = one federation of an opened wave. Page by page (one Query
 * on the federation's confirmed preregistrations), it:
 * 1. reads what was already done for these recipients (deliveries, SES acceptances, suppressions:
 *    one BatchGetItem each);
 * 2. claims the rest in one transaction (a delivery `sending` with a lease; fails if any exists);
 * 3. sends, paced to the shared send rate, each recipient their own mail, tagged with wave and recipient;
 * 4. commits the page: outcomes, the preregistrations' retention, cursor and counters in one
 *    transaction, conditioned on the cursor it started from — counted once, whatever happens.
 * Killed anywhere, it is run again on the same task (the stream delivers it again) and resumes at the
 * last committed page; a mail claimed but not known to be sent is settled by SES's `Send` event
 * (mail-feedback job), or sent again only once its lease is over without one.
 */
/** A page's commit writes up to two items per recipient and three counters: at most 99 in one transaction. */
export const PAGE_SIZE = 48;
const CONCURRENCY = 25;
/** Time kept in hand before the function's timeout to commit and hand over to the next invocation. */
const HANDOVER_MS = 60_000;

type Preregistration = EntityItem<typeof PreregistrationEntity>;
type Outcome = SendOutcome | { state: 'suppressed' };

/** The recipient's id in keys and SES tags (which allow only letters, digits, `_` and `-`). */
export const recipientId = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);

const nowSeconds = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendOne(wave: { waveId: string }, p: Preregistration): Promise<SendOutcome> {
  return sendTracked({ kind: 'wave', id: wave.waveId }, recipientId(p.email), {
    to: p.email,
    template: 'wave-launch',
    data: {
      communeName: p.communeName,
      federationName: p.federationName,
      kind: p.kind,
      signUpUrl: siteLink('/inscription', { email: p.email, cp: p.postalCode }),
      unsubscribeUrl: siteLink('/desinscription', { jeton: p.token }),
      manageUrl: siteLink('/preinscription/gerer', { jeton: p.token }),
    },
    headers: unsubscribeHeaders(siteLink(`/api/unsubscribe/${p.token}`)),
  });
}

async function batchGetAll<T>(get: () => Promise<{ data: T[]; unprocessed: unknown[] }>): Promise<T[]> {
  const { data, unprocessed } = await get();
  if (unprocessed.length) throw new Error(`${unprocessed.length} keys left unprocessed`);
  return data;
}

/**
 * Decides, for one page, what each recipient needs: nothing (done before), a send, or a wait for
 * a lease to end. Returns the outcomes already known and the recipients to send to.
 */
async function settlePage(waveId: string, page: Preregistration[]) {
  const keys = page.map((p) => ({ waveId, recipient: recipientId(p.email) }));
  for (;;) {
    const [deliveries, accepted, suppressed] = await Promise.all([
      batchGetAll(() => DeliveryEntity.get(keys).go({ preserveBatchOrder: true, consistent: true })),
      acceptedAmong({ kind: 'wave', id: waveId }, keys.map((k) => k.recipient)),
      suppressedAmong(page.map((p) => p.email), 'bulk'),
    ]);
    const known = new Map<string, Outcome>();
    const toClaim: Preregistration[] = [];
    const toReclaim: { p: Preregistration; leaseUntil: number }[] = [];
    let leaseEnds = 0;
    page.forEach((p, i) => {
      const delivery = deliveries[i];
      const acceptance = accepted[i];
      if (acceptance) known.set(p.email, { state: 'sent', messageId: acceptance });
      else if (!delivery) {
        if (suppressed.has(p.email)) known.set(p.email, { state: 'suppressed' });
        else toClaim.push(p);
      } else if (delivery.state === 'sent') known.set(p.email, { state: 'sent', messageId: delivery.messageId ?? '' });
      else if (delivery.state === 'failed') known.set(p.email, { state: 'failed', error: delivery.error ?? '' });
      else if (delivery.leaseUntil <= nowSeconds()) toReclaim.push({ p, leaseUntil: delivery.leaseUntil });
      else leaseEnds = Math.max(leaseEnds, delivery.leaseUntil);
    });
    // Another sender (or this one, before it died) holds some of these: wait for its lease, then look again.
    if (leaseEnds) {
      await sleep((leaseEnds - nowSeconds() + 1) * 1000);
      continue;
    }
    return { known, toClaim, toReclaim };
  }
}

/** Claims the page's unsent recipients in one transaction; false if another sender got there first. */
async function claim(waveId: string, fresh: Preregistration[], stale: { p: Preregistration; leaseUntil: number }[]) {
  const leaseUntil = nowSeconds() + mailLeaseSeconds;
  const expiresAt = nowSeconds() + AFTER_LAUNCH_RETENTION_SECONDS;
  if (!fresh.length && !stale.length) return true;
  const result = await rollout.transaction
    .write(({ delivery }) => [
      ...fresh.map((p) =>
        delivery
          .create({ waveId, recipient: recipientId(p.email), state: 'sending', leaseUntil, expiresAt })
          .commit(),
      ),
      ...stale.map(({ p, leaseUntil: old }) =>
        delivery
          .patch({ waveId, recipient: recipientId(p.email) })
          .set({ leaseUntil })
          .where((attr, { eq }) => `${eq(attr.state, 'sending')} AND ${eq(attr.leaseUntil, old)}`)
          .commit(),
      ),
    ])
    .go();
  return !result.canceled;
}

export interface TaskKey {
  waveId: string;
  federationCode: string;
  seq: number;
}

/** Pages worked on at once: sending one while the next are read and claimed (commits stay in order). */
const PAGES_IN_FLIGHT = 4;

type Counts = { sent: number; failed: number; suppressed: number };
interface PageResult {
  counts: Counts;
  /** The mails sent (or refused for good) by this run, to record with the page's commit. */
  newlyDone: { p: Preregistration; outcome: SendOutcome }[];
}

/** One page, from reading what was done to sending what was not: what to commit. */
async function sendPage(key: TaskKey, page: Preregistration[], rate: number): Promise<PageResult> {
  for (;;) {
    const { known, toClaim, toReclaim } = await settlePage(key.waveId, page);
    // Claimed meanwhile by another run of this task (a duplicate delivery): look again.
    if (!(await claim(key.waveId, toClaim, toReclaim))) continue;
    const toSend = [...toClaim, ...toReclaim.map((r) => r.p)];
    const outcomes = new Map(known);
    const newlyDone: PageResult['newlyDone'] = [];
    const queue = [...toSend];
    while (queue.length) {
      const { granted, until } = await takeSendPermits(queue.length, rate);
      const batch = queue.splice(0, granted);
      // A permit is for its second: a mail not started by then waits for the next permits.
      const sent = await pool(batch, CONCURRENCY, (p) => (Date.now() < until ? sendOne(key, p) : Promise.resolve(undefined)));
      batch.forEach((p, j) => {
        const outcome = sent[j];
        if (!outcome) return void queue.push(p);
        outcomes.set(p.email, outcome);
        newlyDone.push({ p, outcome });
      });
    }
    const counts = { sent: 0, failed: 0, suppressed: 0 };
    for (const p of page) {
      const outcome = outcomes.get(p.email);
      if (outcome) counts[outcome.state] += 1;
    }
    return { counts, newlyDone };
  }
}

/**
 * Commits a page in one transaction: its new deliveries (`sent`/`failed`), the six-month retention
 * of the preregistrations mailed, the task's cursor moving from `from` to `next` (or the task done)
 * and every counter — conditioned on `from`, so a page is counted once whatever runs. A
 * preregistration erased meanwhile must not come back: if its condition fails, the slow path records
 * the rest one by one, then commits the counters.
 */
async function commitPage(key: TaskKey, from: string | null, next: string | null, size: number, result: PageResult, retainUntil: number): Promise<void> {
  const { counts, newlyDone } = result;
  const deliveries = newlyDone.map(({ p, outcome }) => ({
    waveId: key.waveId,
    recipient: recipientId(p.email),
    state: outcome.state,
    leaseUntil: 0,
    ...(outcome.state === 'sent' && { messageId: outcome.messageId }),
    ...(outcome.state === 'failed' && { error: outcome.error }),
    expiresAt: retainUntil,
  }));
  const emailed = newlyDone.filter(({ outcome }) => outcome.state === 'sent').map(({ p }) => p);
  const write = (withRecords: boolean) =>
    rollout.transaction
      .write(({ task: tasks, wave, funnel, delivery, preregistration }) => [
        tasks
          .patch(key)
          .set({ ...(next ? { cursor: next } : { done: true }), touchedAt: nowSeconds() })
          .add({ processed: size, ...counts })
          .where((attr, { eq, notExists }) => (from ? eq(attr.cursor, from) : notExists(attr.cursor)))
          .commit(),
        wave.patch({ waveId: key.waveId }).add({ ...counts, ...(next ? {} : { tasksDone: 1 }) }).commit(),
        funnel.update({ federationCode: key.federationCode }).add({ emailed: counts.sent, waiting: -(counts.sent + counts.suppressed + counts.failed) }).commit(),
        ...(withRecords ? deliveries.map((d) => delivery.put(d).commit()) : []),
        ...(withRecords
          ? emailed.map((p) =>
              preregistration
                .patch({ email: p.email })
                .set({ emailedBy: key.waveId, expiresAt: retainUntil })
                .where((attr, { eq }) => eq(attr.token, p.token))
                .commit(),
            )
          : []),
      ])
      .go();
  const first = await write(true);
  if (!first.canceled) return;
  // Another run of this task committed this page first: stop; the stream's retry goes on from the task's cursor.
  const taskRefused = first.data[0]?.code === 'ConditionalCheckFailed';
  if (taskRefused) throw new Error(`wave task ${key.waveId}/${key.federationCode}/${key.seq}: page from ${from} already committed`);
  const { unprocessed } = await DeliveryEntity.put(deliveries).go();
  if (unprocessed.length) throw new Error(`${unprocessed.length} deliveries left unprocessed`);
  await Promise.all(
    emailed.map((p) =>
      PreregistrationEntity.patch({ email: p.email })
        .set({ emailedBy: key.waveId, expiresAt: retainUntil })
        .where((attr, { eq }) => eq(attr.token, p.token))
        .go()
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        }),
    ),
  );
  const second = await write(false);
  if (second.canceled) throw new Error(`wave task ${key.waveId}/${key.federationCode}/${key.seq}: page from ${from} already committed`);
}

/**
 * Sends a task's mails until done or until `remainingMs()` runs low, then hands over to a new
 * task (seq + 1) that goes on from the last committed page. Up to PAGES_IN_FLIGHT pages are worked
 * on at once; they commit in order.
 */
export async function runWaveTask(key: TaskKey, remainingMs: () => number): Promise<void> {
  const { data: task } = await WaveTaskEntity.get(key).go({ consistent: true });
  if (!task || task.done) return;
  const rate = Math.min(await sesMaxSendRate(), waveOptions.maxSendRate ?? Infinity);
  const retainUntil = Math.floor(Date.parse(task.openedAt) / 1000) + AFTER_LAUNCH_RETENTION_SECONDS;
  let cursor = task.cursor ?? null;
  let committed: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];

  while (remainingMs() >= HANDOVER_MS) {
    const from = cursor;
    const result = await PreregistrationEntity.query
      .byFederation({ federationCode: key.federationCode, status: 'confirmed' })
      .go({ cursor: from, limit: PAGE_SIZE });
    // Someone mailed by an earlier wave over the same territory gets nothing more.
    const page = result.data.filter((p) => p.expiresAt > nowSeconds() && (!p.emailedBy || p.emailedBy === key.waveId));
    const next = result.cursor ?? null;
    const work = sendPage(key, page, rate);
    work.catch(() => undefined); // awaited through `committed`; not an unhandled rejection meanwhile
    committed = committed.then(() => work).then((result) => commitPage(key, from, next, page.length, result, retainUntil));
    const done = committed;
    inFlight.push(done);
    void done.finally(() => inFlight.splice(inFlight.indexOf(done), 1)).catch(() => undefined);
    if (!next) {
      await committed;
      await finishWaveIfDone(key.waveId);
      return;
    }
    cursor = next;
    if (inFlight.length >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
  }

  await committed;
  await handOver(key, task.openedAt, cursor);
  logger.info('wave task handed over', { ...key, cursor });
}

type TaskItem = EntityItem<typeof WaveTaskEntity>;

/**
 * Ends a task and writes the next one (seq + 1), starting at `cursor`: its creation on the stream
 * starts a new sender. In one transaction with the wave's task counters; nothing if the task is
 * done already or — when `touchedAt` is given (`null`: never touched) — was touched since. Returns
 * whether it was written.
 */
async function handOver(key: TaskKey, openedAt: string, cursor: string | null, touchedAt?: number | null): Promise<boolean> {
  const result = await rollout.transaction
    .write(({ task: tasks, wave }) => [
      tasks
        .patch(key)
        .set({ done: true })
        .where((attr, { eq, notExists }) => {
          const notDone = eq(attr.done, false);
          if (touchedAt === undefined) return notDone;
          return `${notDone} AND ${touchedAt === null ? notExists(attr.touchedAt) : eq(attr.touchedAt, touchedAt)}`;
        })
        .commit(),
      tasks.create({ ...key, seq: key.seq + 1, openedAt, ...(cursor && { cursor }) }).commit(),
      wave.patch({ waveId: key.waveId }).add({ tasksTotal: 1, tasksDone: 1 }).commit(),
    ])
    .go();
  return !result.canceled;
}

/** The wave's tasks not done and untouched for `waveOptions.stallSeconds` (one Query per 1 MB of tasks). */
export async function stalledTasks(waveId: string): Promise<TaskItem[]> {
  const { data } = await WaveTaskEntity.query.byWave({ waveId }).go({ pages: 'all', consistent: true });
  const before = nowSeconds() - waveOptions.stallSeconds;
  return data.filter((task) => !task.done && (task.touchedAt ?? Math.floor(Date.parse(task.openedAt) / 1000)) < before);
}

/**
 * Relaunches stalled tasks: each is handed over to a new task at its last committed page, as a
 * sender does before its timeout — on the condition that it was not touched since it was read, so
 * a sender that woke up meanwhile keeps its task. The claims and leases (ADR 0009) still make sure
 * nobody gets a mail twice. Returns how many were relaunched.
 */
export async function relaunchStalledTasks(waveId: string): Promise<number> {
  let relaunched = 0;
  for (const task of await stalledTasks(waveId)) {
    const key = { waveId, federationCode: task.federationCode, seq: task.seq };
    if (await handOver(key, task.openedAt, task.cursor ?? null, task.touchedAt ?? null)) relaunched += 1;
  }
  if (relaunched) logger.info('stalled wave tasks relaunched', { waveId, relaunched });
  return relaunched;
}
