import { createHash } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { siteLink } from '../../shared/site';
import { logger } from '../../shared/logger';
import { takeSendPermits, sesMaxSendRate } from '../mail/pacing';
import { sendMail, unsubscribeHeaders } from '../mail/send';
import { suppressedAmong } from '../mail/suppression';
import {
  DeliveryAcceptedEntity,
  DeliveryEntity,
  PreregistrationEntity,
  rollout,
  WaveTaskEntity,
} from './entities';
import { waveOptions } from './options';
import { AFTER_LAUNCH_RETENTION_SECONDS } from './preregistration';
import { finishWaveIfDone } from './opening';

/**
 * The wave sender (ADR 0009). One task = one federation of an opened wave. Page by page (one Query
 * on the federation's confirmed preregistrations), it:
 * 1. reads what was already done for these recipients (deliveries, SES acceptances, suppressions:
 *    one BatchGetItem each);
 * 2. claims the rest in one transaction (a delivery `sending` with a lease; fails if any exists);
 * 3. sends, paced to the shared send rate, each recipient their own mail, tagged with wave and recipient;
 * 4. records the outcomes (BatchWriteItem) and commits the page: cursor and counters in one
 *    transaction, conditioned on the cursor it started from — counted once, whatever happens.
 * Killed anywhere, it is run again on the same task (the stream delivers it again) and resumes at the
 * last committed page; a mail claimed but not known to be sent is settled by SES's `Send` event
 * (mail-feedback job), or sent again only once its lease is over without one.
 */
export const PAGE_SIZE = 50;
const CONCURRENCY = 25;
/** Time kept in hand before the function's timeout to commit and hand over to the next invocation. */
const HANDOVER_MS = 60_000;

type Preregistration = EntityItem<typeof PreregistrationEntity>;
type Outcome = { state: 'sent'; messageId: string } | { state: 'failed'; error: string } | { state: 'suppressed' };

/** The recipient's id in keys and SES tags (which allow only letters, digits, `_` and `-`). */
export const recipientId = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);

const nowSeconds = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isConditionFailure = (error: unknown) => /conditional request failed|transaction cancel/i.test((error as Error).message);

/** SES said no for good (bad address, rejected content): recorded, never retried. */
function isPermanent(error: unknown): boolean {
  const name = (error as { name?: string }).name ?? '';
  return ['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException', 'NotFoundException'].includes(name);
}

async function sendOne(wave: { waveId: string }, p: Preregistration): Promise<Outcome> {
  const data = {
    communeName: p.communeName,
    federationName: p.federationName,
    kind: p.kind,
    signUpUrl: siteLink('/inscription', { email: p.email, cp: p.postalCode }),
    unsubscribeUrl: siteLink('/desinscription', { jeton: p.token }),
    manageUrl: siteLink('/preinscription/gerer', { jeton: p.token }),
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      const messageId = await sendMail({
        to: p.email,
        template: 'wave-launch',
        data,
        kind: 'bulk',
        suppressionChecked: true,
        headers: unsubscribeHeaders(siteLink(`/api/unsubscribe/${p.token}`)),
        tags: { wave: wave.waveId, recipient: recipientId(p.email) },
      });
      return { state: 'sent', messageId: messageId! };
    } catch (error) {
      if (isPermanent(error)) return { state: 'failed', error: (error as Error).message.slice(0, 300) };
      // Throttling or a network fault: wait and try again; past a few tries, let the task fail and be retried.
      if (attempt >= 5) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
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
      batchGetAll(() => DeliveryAcceptedEntity.get(keys).go({ preserveBatchOrder: true, consistent: true })),
      suppressedAmong(page.map((p) => p.email), 'bulk'),
    ]);
    const known = new Map<string, Outcome>();
    const toClaim: Preregistration[] = [];
    const toReclaim: { p: Preregistration; leaseUntil: number }[] = [];
    let leaseEnds = 0;
    page.forEach((p, i) => {
      const delivery = deliveries[i];
      const acceptance = accepted[i];
      if (acceptance) known.set(p.email, { state: 'sent', messageId: acceptance.messageId });
      else if (!delivery) {
        if (suppressed.has(p.email)) known.set(p.email, { state: 'suppressed' });
        else toClaim.push(p);
      } else if (delivery.state === 'sent') known.set(p.email, { state: 'sent', messageId: delivery.messageId ?? '' });
      else if (delivery.state === 'failed') known.set(p.email, { state: 'failed', error: delivery.error ?? '' });
      else if (delivery.state === 'suppressed') known.set(p.email, { state: 'suppressed' });
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
  const leaseUntil = nowSeconds() + waveOptions.leaseSeconds;
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

/**
 * Records the page's new outcomes, and starts the six-month retention of the preregistrations that
 * got their mail: one transaction (a page is at most 50 of each). A preregistration erased meanwhile
 * must not come back, hence a condition on each — if one fails, the slow path writes them one by one.
 */
async function recordOutcomes(waveId: string, done: { p: Preregistration; outcome: Outcome }[], retainUntil: number): Promise<void> {
  if (!done.length) return;
  const deliveries = done.map(({ p, outcome }) => ({
    waveId,
    recipient: recipientId(p.email),
    state: outcome.state,
    leaseUntil: 0,
    ...(outcome.state === 'sent' && { messageId: outcome.messageId }),
    ...(outcome.state === 'failed' && { error: outcome.error }),
    expiresAt: retainUntil,
  }));
  const emailed = done.filter(({ outcome }) => outcome.state === 'sent').map(({ p }) => p);
  const markEmailed = (p: Preregistration) =>
    PreregistrationEntity.patch({ email: p.email })
      .set({ emailedBy: waveId, expiresAt: retainUntil })
      .where((attr, { eq }) => eq(attr.token, p.token));
  const result = await rollout.transaction
    .write(({ delivery, preregistration }) => [
      ...deliveries.map((d) => delivery.put(d).commit()),
      ...emailed.map((p) =>
        preregistration
          .patch({ email: p.email })
          .set({ emailedBy: waveId, expiresAt: retainUntil })
          .where((attr, { eq }) => eq(attr.token, p.token))
          .commit(),
      ),
    ])
    .go();
  if (!result.canceled) return;
  const { unprocessed } = await DeliveryEntity.put(deliveries).go();
  if (unprocessed.length) throw new Error(`${unprocessed.length} deliveries left unprocessed`);
  await Promise.all(
    emailed.map((p) =>
      markEmailed(p)
        .go()
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        }),
    ),
  );
}

export interface TaskKey {
  waveId: string;
  federationCode: string;
  seq: number;
}

/**
 * Sends a task's mails until done or until `remainingMs()` runs low, then hands over to a new
 * task (seq + 1) that goes on from the last page.
 */
export async function runWaveTask(key: TaskKey, remainingMs: () => number): Promise<void> {
  const { data: task } = await WaveTaskEntity.get(key).go({ consistent: true });
  if (!task || task.done) return;
  const rate = Math.min(await sesMaxSendRate(), waveOptions.maxSendRate ?? Infinity);
  const retainUntil = Math.floor(Date.parse(task.openedAt) / 1000) + AFTER_LAUNCH_RETENTION_SECONDS;
  let cursor = task.cursor ?? null;

  for (;;) {
    if (remainingMs() < HANDOVER_MS) {
      await rollout.transaction
        .write(({ task: tasks, wave }) => [
          tasks.patch(key).set({ done: true }).where((attr, { eq }) => eq(attr.done, false)).commit(),
          tasks.create({ ...key, seq: key.seq + 1, openedAt: task.openedAt, ...(cursor && { cursor }) }).commit(),
          wave.patch({ waveId: key.waveId }).add({ tasksTotal: 1, tasksDone: 1 }).commit(),
        ])
        .go();
      logger.info('wave task handed over', { ...key, cursor });
      return;
    }

    const result = await PreregistrationEntity.query
      .byFederation({ federationCode: key.federationCode, status: 'confirmed' })
      .go({ cursor, limit: PAGE_SIZE });
    const page = result.data.filter((p) => p.expiresAt > nowSeconds());

    const { known, toClaim, toReclaim } = await settlePage(key.waveId, page);
    if (!(await claim(key.waveId, toClaim, toReclaim))) {
      // Someone claimed part of this page meanwhile (a duplicate delivery of the task): look again.
      continue;
    }
    const toSend = [...toClaim, ...toReclaim.map((r) => r.p)];
    const outcomes = new Map(known);
    for (let i = 0; i < toSend.length; ) {
      const permits = await takeSendPermits(toSend.length - i, rate);
      const batch = toSend.slice(i, i + permits);
      const sent = await pool(batch, CONCURRENCY, (p) => sendOne(key, p));
      batch.forEach((p, j) => outcomes.set(p.email, sent[j]!));
      i += permits;
    }

    await recordOutcomes(
      key.waveId,
      toSend.map((p) => ({ p, outcome: outcomes.get(p.email)! })),
      retainUntil,
    );

    const counts = { sent: 0, failed: 0, suppressed: 0 };
    for (const p of page) {
      const outcome = outcomes.get(p.email);
      if (outcome) counts[outcome.state] += 1;
    }
    const next = result.cursor;
    const committed = await rollout.transaction
      .write(({ task: tasks, wave, funnel }) => [
        tasks
          .patch(key)
          .set({ ...(next ? { cursor: next } : {}), ...(next ? {} : { done: true }) })
          .add({ processed: page.length, ...counts })
          .where((attr, { eq, notExists }) => (cursor ? eq(attr.cursor, cursor) : notExists(attr.cursor)))
          .commit(),
        wave.patch({ waveId: key.waveId }).add({ ...counts, ...(next ? {} : { tasksDone: 1 }) }).commit(),
        funnel.update({ federationCode: key.federationCode }).add({ emailed: counts.sent, waiting: -(counts.sent + counts.suppressed + counts.failed) }).commit(),
      ])
      .go()
      .then((r) => !r.canceled)
      .catch((error: unknown) => {
        if (isConditionFailure(error)) return false;
        throw error;
      });
    if (!committed) {
      // Another run of this task committed this page first: continue from where it is now.
      const { data: now } = await WaveTaskEntity.get(key).go({ consistent: true });
      if (!now || now.done) return;
      cursor = now.cursor ?? null;
      continue;
    }
    if (!next) {
      await finishWaveIfDone(key.waveId);
      return;
    }
    cursor = next;
  }
}
