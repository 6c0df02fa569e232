import type { Reading } from '../../../shared/read-together';
import type { Mailing } from '../acceptance';
import type { MailTemplateName } from '../render';
import type { SendMailInput } from '../send';

/**
 * What a kind of bulk mail tells the engine (ADR 0016): a wave's launch mails, an event's
 * announcement, and next a message to a space's members are adapters; the engine (`engine.ts`) does
 * the claims, leases, pacing, settling by SES's `Send` events, commits and hand-overs, once.
 */

/** One item of a DynamoDB transaction, as ElectroDB builds it (`service.transaction.write(…).params()`). */
export type WriteItem =
  | { Put: Record<string, unknown> }
  | { Update: Record<string, unknown> }
  | { Delete: Record<string, unknown> }
  | { ConditionCheck: Record<string, unknown> };

/** One recipient's mail, as `sendMail` takes it (the engine adds the kind, the suppression check and the tags). */
export type BulkMail = { [T in MailTemplateName]: Omit<SendMailInput<T>, 'kind' | 'suppressionChecked' | 'tags'> }[MailTemplateName];

/** What SES did with a mail the engine sent: accepted it, or refused it for good (never retried). */
export type SendOutcome = { state: 'sent'; messageId: string } | { state: 'failed'; error: string };

/** What a recipient's receipt says: claimed by a sender until `leaseUntil` (epoch seconds), or settled. */
export type Receipt = { state: 'claimed'; leaseUntil: number } | SendOutcome;

/**
 * Where a mailing keeps one receipt per recipient — what makes it exactly once. Each method builds
 * one transaction item; the engine puts a page's claims in one transaction, its settlements in the
 * page's commit.
 */
export interface ReceiptStore {
  /**
   * The receipts of these recipients, in their order: their GetItems, which the engine reads
   * consistently in one BatchGetItem with the page's others (the adapter's `mails`).
   */
  read(recipients: string[]): Reading<(Receipt | undefined)[]>;
  /** Claims a recipient: a receipt created with a lease, only if there was none. */
  claim(recipient: string, leaseUntil: number): WriteItem;
  /** Claims again a recipient whose claim expired: only if its lease is still `expired`. */
  reclaim(recipient: string, expired: number, leaseUntil: number): WriteItem;
  /** Settles a claim with what SES did. */
  settle(recipient: string, outcome: SendOutcome): WriteItem;
}

/** A page of the audience and the cursor of the next (null: it was the last). */
export interface AudiencePage<R> {
  recipients: R[];
  next: string | null;
}

/** What became of each recipient of a page, counted once with the page's commit. */
export interface PageCounts {
  /** Recipients of the page. */
  processed: number;
  sent: number;
  /** Refused by SES for good. */
  failed: number;
  /** The address is on the suppression list for this kind of mail. */
  suppressed: number;
  /** Left out by the adapter (e.g. turned announcements off). */
  skipped: number;
}

/**
 * One task of a mailing: one shard of its audience (a wave's federation, an announcement's audience
 * or federation), sent page by page from a cursor, possibly over several invocations (`seq`).
 */
export interface BulkMailAdapter<R> {
  /** Names the mailing: its SES tags (`<kind>=<id>`, `recipient=<id>`) and its acceptances' key. */
  mailing: Mailing;
  /** The suppression policy: bulk mail skips unsubscribed addresses too; any mail skips bounced and complained ones. */
  suppression: 'bulk' | 'transactional';
  /** A cap below SES's maximum send rate, if this kind of mail wants one. */
  maxSendRate?: number;
  /**
   * Asked before the first page and then every other page (the engine's `HALTED_EVERY`): true stops the run with the task where it is (not done), to be resumed
   * later by a hand-over at its cursor — a message's circuit breaker (bounces, complaints).
   */
  halted?(): Promise<boolean>;
  /** A page of at most `limit` recipients from `cursor` (null: the first page). One Query or so. */
  audience(cursor: string | null, limit: number): Promise<AudiencePage<R>>;
  /** A recipient's id (letters, digits, `_`, `-`: it is an SES tag and the receipt's key) and address. */
  recipient(r: R): { id: string; email: string };
  /**
   * The page's mails: per recipient, what to send, or undefined to leave them out (their choice).
   * Asked once per page, before claims. What it reads (one key a recipient at most: their
   * preference) the engine reads with the page's receipts, in the same BatchGetItem (≤ 96 keys);
   * what it makes may still write (preferences made for those who had none).
   */
  mails(page: R[]): Reading<Promise<(r: R) => BulkMail | undefined>>;
  receipts: ReceiptStore;
  /** What else to record of a recipient mailed (e.g. a preregistration's retention), in the page's commit; its condition may refuse it (the item is gone), it is then dropped. */
  record?(r: R, outcome: SendOutcome): WriteItem[];
  /**
   * The page's progress: first the task's item moving its cursor from `from` to `next` (null: the
   * task is done) only if it is still at `from` — so a page is counted once —, then any counters.
   */
  progress(from: string | null, next: string | null, counts: PageCounts): WriteItem[];
  /** Ends this task and creates the next (seq + 1) at `cursor`: its creation starts a new sender. */
  handOver(cursor: string | null): WriteItem[];
  /** After the task's last page is committed (e.g. the wave is done once all its tasks are). */
  finished?(): Promise<void>;
}
