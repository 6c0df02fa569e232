import { logger } from '../../../shared/logger';
import { pool } from '../../../shared/pool';
import { readingsTogether } from '../../../shared/read-together';
import { acceptedAmong, mailLeaseSeconds } from '../acceptance';
import { sesMaxSendRate, takeSendPermits } from '../pacing';
import { suppressedAmong } from '../suppression';
import type { BulkMail, BulkMailAdapter, PageCounts, Receipt, SendOutcome, WriteItem } from './adapter';
import { sendTracked } from './send-tracked';
import { writeTogether, type Refusal } from './transaction';

/**
 * The bulk-mail engine (ADR 0016; the protocol of ADR 0009 and 0013): sends one task of a mailing
 * page by page. For each page of the audience it
 * 1. reads the page's receipts with what the adapter's mails read (its preferences) in one
 *    consistent BatchGet, and its suppressions in another beside it;
 * 2. claims the recipients not done yet in one transaction (receipts with a lease; refused if any
 *    exists meanwhile: it reads again);
 * 3. sends, paced to the account-wide rate (`takeSendPermits`), each mail tagged with its mailing and
 *    recipient;
 * 4. commits the page in one transaction: the task's cursor, conditioned on where the page started,
 *    every counter, and the claims settled — counted once, whoever runs.
 * Before the first page and every `HALTED_EVERY` pages it asks the adapter whether to stop (its breaker).
 * A claim left by a run that died is waited for until its lease ends, then settled by SES's `Send`
 * event (mail-feedback job, `acceptance.ts`): accepted → sent; not accepted → sent again. Several
 * pages are in flight at once (one sending while the next are read and claimed); they commit in
 * order. Near the timeout the run hands over to the next task (seq + 1) at its cursor.
 */

/** The largest page: a commit writes up to two items per recipient and three counters, at most 99 in one transaction. */
export const BULK_PAGE_SIZE = 48;
/** Mails sent at once. */
const CONCURRENCY = 25;
/** Pages worked on at once: sending one while the next are read and claimed (commits stay in order). */
const PAGES_IN_FLIGHT = 4;
/** Time kept in hand before the function's timeout to commit and hand over to the next invocation. */
const HANDOVER_MS = 60_000;
/**
 * The adapter's `halted()` is asked before the first page and then every this many pages: the
 * breaker stops a run at most one page later than if asked before each (a page is ≤ 48 mails),
 * for half its reads (ADR 0028).
 */
const HALTED_EVERY = 2;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Outcome = SendOutcome | { state: 'suppressed' | 'skipped' };
/** A recipient of the page, with what is known of them. */
type Slot<R> = { r: R; id: string; mail: BulkMail | undefined };
/** What a page's commit records: its counts, and the claims it settles (sent by this run or, says SES, by one that died). */
type PageResult<R> = { counts: PageCounts; settled: { slot: Slot<R>; outcome: SendOutcome }[] };

/** What a page's reads say: each recipient's receipt (in the page's order), the addresses suppressed. */
type PageRead = { receipts: (Receipt | undefined)[]; suppressed: Set<string> };

/** The page's receipts (consistent) and suppressions, read again after a wait or a refused claim. */
async function readAgain<R>(adapter: BulkMailAdapter<R>, slots: Slot<R>[]): Promise<PageRead> {
  const [[receipts], suppressed] = await Promise.all([
    readingsTogether([adapter.receipts.read(slots.map((s) => s.id))], { consistent: true }),
    suppressedAmong(slots.map((s) => adapter.recipient(s.r).email.toLowerCase()), adapter.suppression),
  ]);
  return { receipts, suppressed };
}

/**
 * Who of the page needs what: nothing (settled before, suppressed, left out by the adapter), a
 * claim, a claim again (an expired lease whose mail SES did not accept), or a settlement (an expired
 * lease whose mail SES accepted). A lease still running is waited for, then the page read again.
 */
async function sortPage<R>(adapter: BulkMailAdapter<R>, slots: Slot<R>[], first: PageRead) {
  for (let seen = first; ; seen = await readAgain(adapter, slots)) {
    const known = new Map<Slot<R>, Outcome>();
    const fresh: Slot<R>[] = [];
    const expired: { slot: Slot<R>; leaseUntil: number }[] = [];
    let leaseEnds = 0;
    slots.forEach((slot, i) => {
      const receipt = seen.receipts[i];
      if (!receipt) {
        if (seen.suppressed.has(adapter.recipient(slot.r).email.toLowerCase())) known.set(slot, { state: 'suppressed' });
        else if (!slot.mail) known.set(slot, { state: 'skipped' });
        else fresh.push(slot);
      } else if (receipt.state !== 'claimed') known.set(slot, receipt);
      else if (receipt.leaseUntil <= nowSeconds()) expired.push({ slot, leaseUntil: receipt.leaseUntil });
      else leaseEnds = Math.max(leaseEnds, receipt.leaseUntil);
    });
    // Another run (or this task's run before it died) holds some of these: wait for its lease, then look again.
    if (leaseEnds) {
      await sleep((leaseEnds - nowSeconds() + 1) * 1000);
      continue;
    }
    const accepted = await acceptedAmong(adapter.mailing, expired.map((e) => e.slot.id));
    const acceptedSettled = expired.flatMap((e, i) => (accepted[i] ? [{ slot: e.slot, outcome: { state: 'sent' as const, messageId: accepted[i] } }] : []));
    const stale = expired.filter((_, i) => !accepted[i]);
    return { known, fresh, stale, acceptedSettled };
  }
}

/** One page, from reading what was done to sending what was not: what to commit; undefined if the run stopped first. */
async function sendPage<R>(
  adapter: BulkMailAdapter<R>,
  recipients: R[],
  rate: number,
  stopped: () => boolean,
  sendTurn: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<PageResult<R> | undefined> {
  const ids = recipients.map((r) => adapter.recipient(r).id);
  // The receipts and what the mails need (the adapter's preferences) in one BatchGetItem (≤ 96 keys), the suppressions beside it.
  const [[receipts, mails], suppressed] = await Promise.all([
    readingsTogether([adapter.receipts.read(ids), adapter.mails(recipients)], { consistent: true }),
    suppressedAmong(recipients.map((r) => adapter.recipient(r).email.toLowerCase()), adapter.suppression),
  ]);
  const mailOf = await mails;
  const slots = recipients.map((r, i) => ({ r, id: ids[i]!, mail: mailOf(r) }));
  let seen: PageRead = { receipts, suppressed };
  for (;;) {
    const { known, fresh, stale, acceptedSettled } = await sortPage(adapter, slots, seen);
    if (stopped()) return undefined; // another run carries this task on: claim nothing more
    const leaseUntil = nowSeconds() + mailLeaseSeconds;
    const claims = [...fresh.map((s) => adapter.receipts.claim(s.id, leaseUntil)), ...stale.map((e) => adapter.receipts.reclaim(e.slot.id, e.leaseUntil, leaseUntil))];
    // Claimed meanwhile by another run of this task (a redelivered record): look again.
    if (!(await writeTogether(claims)).written) {
      seen = await readAgain(adapter, slots);
      continue;
    }

    const outcomes = new Map<Slot<R>, Outcome>(known);
    const settled: PageResult<R>['settled'] = [...acceptedSettled];
    for (const { slot, outcome } of acceptedSettled) outcomes.set(slot, outcome);
    const unsendable = stale.filter((e) => !e.slot.mail).map((e) => e.slot); // left out since it was claimed: not sent
    for (const slot of unsendable) {
      outcomes.set(slot, { state: 'skipped' });
      settled.push({ slot, outcome: { state: 'failed', error: 'left out before it was sent' } });
    }
    const queue = [...fresh, ...stale.map((e) => e.slot).filter((s) => s.mail)];
    // One page sends at a time (the next ones are read and claimed meanwhile): at most CONCURRENCY
    // mails are in flight when a second's permits end, as the account's rate expects.
    await sendTurn(async () => {
      while (queue.length) {
        const { granted, until } = await takeSendPermits(queue.length, rate);
        const batch = queue.splice(0, granted);
        // A permit is for its second: a mail not started by then waits for the next permits.
        const sent = await pool(batch, CONCURRENCY, (slot) => (Date.now() < until ? sendTracked(adapter.mailing, slot.id, slot.mail!) : Promise.resolve(undefined)));
        batch.forEach((slot, j) => {
          const outcome = sent[j];
          if (!outcome) return void queue.push(slot);
          if (outcome.state === 'failed') logger.warn('bulk mail refused by SES', { mailing: adapter.mailing, recipient: slot.id, error: outcome.error });
          outcomes.set(slot, outcome);
          settled.push({ slot, outcome });
        });
      }
    });
    const counts: PageCounts = { processed: slots.length, sent: 0, failed: 0, suppressed: 0, skipped: 0 };
    for (const outcome of outcomes.values()) counts[outcome.state] += 1;
    return { counts, settled };
  }
}

/** Writes a transaction, again after a conflict with another run's (a few times). */
async function writeRetryingConflicts(items: WriteItem[]): Promise<{ written: true } | Refusal> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await writeTogether(items);
    if (result.written || !result.codes.includes('TransactionConflict') || attempt >= 5) return result;
    await sleep(50 * 2 ** attempt);
  }
}

/**
 * Commits a page in one transaction: the adapter's progress (the task's cursor from `from` to
 * `next`, conditioned on `from`, and the counters), the claims settled and what the adapter records
 * of each. False when another run committed this page first. A record refused by its condition
 * (its item went meanwhile, e.g. an erased preregistration) must not come back: the slow path
 * writes the records one by one, drops the refused ones, then commits the progress alone.
 */
async function commitPage<R>(adapter: BulkMailAdapter<R>, from: string | null, next: string | null, result: PageResult<R>): Promise<boolean> {
  const progress = adapter.progress(from, next, result.counts);
  const records = result.settled.flatMap(({ slot, outcome }) => [adapter.receipts.settle(slot.id, outcome), ...(adapter.record?.(slot.r, outcome) ?? [])]);
  const page = `${adapter.mailing.kind} ${adapter.mailing.id}: page from ${from}`;
  const first = await writeRetryingConflicts([...progress, ...records]);
  if (first.written) return true;
  if (first.codes[0] === 'ConditionalCheckFailed') return false;
  if (!first.codes.slice(progress.length).includes('ConditionalCheckFailed')) throw new Error(`${page} not committed: ${first.codes.join(', ')}`);
  await pool(records, CONCURRENCY, async (item) => {
    const one = await writeRetryingConflicts([item]);
    if (!one.written && one.codes[0] !== 'ConditionalCheckFailed') throw new Error(`${page}: a record not written: ${one.codes.join(', ')}`);
  });
  const second = await writeRetryingConflicts(progress);
  if (second.written) return true;
  if (second.codes[0] === 'ConditionalCheckFailed') return false;
  throw new Error(`${page} not committed: ${second.codes.join(', ')}`);
}

/**
 * Sends a task's pages from `cursor` until its audience is done or `remainingMs()` runs low, then
 * hands over to the next task (seq + 1) at the last committed page. A run that finds a page
 * committed by another (a redelivered stream record) stops: the other carries on; the claims it
 * still holds are sent, and settled by the other once their lease ends.
 */
/** Runs the works given to it one after the other, in the order given. */
function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export async function runBulkTask<R>(adapter: BulkMailAdapter<R>, cursor: string | null, remainingMs: () => number): Promise<'done' | 'handed over' | 'stopped' | 'halted'> {
  const rate = Math.min(await sesMaxSendRate(), adapter.maxSendRate ?? Infinity);
  let stopped = false;
  let committed: Promise<void> = Promise.resolve();
  const inFlight = new Set<Promise<void>>();
  const sendTurn = oneAtATime();
  let pages = 0;

  while (!stopped && remainingMs() >= HANDOVER_MS) {
    if (pages++ % HALTED_EVERY === 0 && (await adapter.halted?.())) {
      // The pages in flight commit; the task stays at the last one's cursor, not done.
      await committed;
      logger.info('bulk task halted', { mailing: adapter.mailing, cursor });
      return stopped ? 'stopped' : 'halted';
    }
    const from = cursor;
    const page = await adapter.audience(from, BULK_PAGE_SIZE);
    const work = sendPage(adapter, page.recipients, rate, () => stopped, sendTurn);
    work.catch(() => undefined); // awaited through `committed`; not an unhandled rejection meanwhile
    committed = committed
      .then(() => work)
      .then(async (result) => {
        if (stopped || !result) return;
        if (await commitPage(adapter, from, page.next, result)) return;
        stopped = true;
        logger.info('bulk task carried on by another run', { mailing: adapter.mailing, cursor: from });
      });
    const done = committed;
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done)).catch(() => undefined);
    if (!page.next) {
      await committed;
      if (stopped) return 'stopped';
      await adapter.finished?.();
      return 'done';
    }
    cursor = page.next;
    if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
  }

  await committed;
  if (stopped) return 'stopped';
  // Nothing written when the task is done already (relaunched, or ended by another run).
  await writeTogether(adapter.handOver(cursor));
  logger.info('bulk task handed over', { mailing: adapter.mailing, cursor });
  return 'handed over';
}
