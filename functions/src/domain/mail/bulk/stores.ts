import { Entity, Service, type EntityItem } from 'electrodb';
import { isConditionFailure } from '../../../shared/conditions';
import { documentClient, tableName } from '../../../shared/dynamodb';
import { reading } from '../../../shared/read-together';
import type { Mailing } from '../acceptance';
import type { BulkMailAdapter, Receipt, ReceiptStore } from './adapter';
import { itemsOf } from './transaction';

/**
 * Tasks and receipts for mailings that have none of their own: messages to a space's members (the
 * next adapter), the engine's own test. Waves and announcements keep theirs (`waveTask` and
 * `waveDelivery`, `announcementTask` and `mailReceipt`: ADR 0016). Access patterns MS4, MS5.
 */
const config = { table: tableName, client: documentClient };

/** `message-<id>`: the mailing, as its acceptances (MS3) name it. */
export const mailingKey = (mailing: Mailing) => `${mailing.kind}-${mailing.id}`;

/** One shard of a mailing's audience (e.g. a federation), sent from `cursor`; `seq` counts its hand-overs. */
export const BulkTaskEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'bulkTask', version: '1' },
    attributes: {
      mailing: { type: 'string', required: true },
      shard: { type: 'string', required: true },
      seq: { type: 'number', required: true },
      cursor: { type: 'string' },
      done: { type: 'boolean', required: true, default: false },
      /** Counted once per page (the cursor's condition). */
      pages: { type: 'number', required: true, default: 0 },
      processed: { type: 'number', required: true, default: 0 },
      sent: { type: 'number', required: true, default: 0 },
      failed: { type: 'number', required: true, default: 0 },
      suppressed: { type: 'number', required: true, default: 0 },
      skipped: { type: 'number', required: true, default: 0 },
    },
    indexes: {
      byMailing: { pk: { field: 'pk', composite: ['mailing'] }, sk: { field: 'sk', composite: ['shard', 'seq'] } },
    },
  },
  config,
);

/** One recipient's mail of a mailing: claimed with a lease, then sent or failed. One partition each (no hot key). */
export const BulkReceiptEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'bulkReceipt', version: '1' },
    attributes: {
      mailing: { type: 'string', required: true },
      recipient: { type: 'string', required: true },
      state: { type: ['claimed', 'sent', 'failed'] as const, required: true },
      leaseUntil: { type: 'number' },
      messageId: { type: 'string' },
      error: { type: 'string' },
      /** SES's bounce or complaint for this mail, counted once on its mailing. */
      feedback: { type: ['bounce', 'complaint'] as const },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byRecipient: { pk: { field: 'pk', composite: ['mailing', 'recipient'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  config,
);

const bulkMail = new Service({ task: BulkTaskEntity, receipt: BulkReceiptEntity });
export type BulkTaskKey = { mailing: Mailing; shard: string; seq: number };
export type BulkTaskItem = EntityItem<typeof BulkTaskEntity>;
const taskKey = (key: BulkTaskKey) => ({ mailing: mailingKey(key.mailing), shard: key.shard, seq: key.seq });

/** Creates a mailing's task for one shard, once (false: it existed). */
export async function createBulkTask(key: BulkTaskKey): Promise<boolean> {
  try {
    await BulkTaskEntity.create(taskKey(key)).go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A task as it stands (consistent). */
export async function loadBulkTask(key: BulkTaskKey): Promise<BulkTaskItem | null> {
  return (await BulkTaskEntity.get(taskKey(key)).go({ consistent: true })).data;
}

/** A mailing's tasks (one Query of its partition). */
export async function bulkTasks(mailing: Mailing): Promise<BulkTaskItem[]> {
  return (await BulkTaskEntity.query.byMailing({ mailing: mailingKey(mailing) }).go({ pages: 'all', consistent: true })).data;
}

/** The receipts of a mailing, kept `keepSeconds` after they are written. */
export function bulkReceipts(mailing: Mailing, keepSeconds: number): ReceiptStore {
  const one = (fn: Parameters<typeof bulkMail.transaction.write>[0]) => itemsOf(bulkMail.transaction.write(fn))[0]!;
  const key = (recipient: string) => ({ mailing: mailingKey(mailing), recipient });
  const expiresAt = () => Math.floor(Date.now() / 1000) + keepSeconds;
  return {
    read: (recipients) =>
      reading(BulkReceiptEntity, recipients.map(key), (found) => {
        const byRecipient = new Map(found.map((r) => [r.recipient, r]));
        return recipients.map((recipient): Receipt | undefined => {
          const r = byRecipient.get(recipient);
          if (!r) return undefined;
          if (r.state === 'claimed') return { state: 'claimed', leaseUntil: r.leaseUntil ?? 0 };
          return r.state === 'sent' ? { state: 'sent', messageId: r.messageId ?? '' } : { state: 'failed', error: r.error ?? '' };
        });
      }),
    claim: (recipient, leaseUntil) => one(({ receipt }) => [receipt.create({ ...key(recipient), state: 'claimed', leaseUntil, expiresAt: expiresAt() }).commit()]),
    reclaim: (recipient, expired, leaseUntil) =>
      one(({ receipt }) => [receipt.patch(key(recipient)).set({ leaseUntil }).where((attr, { eq }) => `${eq(attr.state, 'claimed')} AND ${eq(attr.leaseUntil, expired)}`).commit()]),
    settle: (recipient, outcome) =>
      one(({ receipt }) => [receipt.put({ ...key(recipient), expiresAt: expiresAt(), ...(outcome.state === 'sent' ? { state: 'sent', messageId: outcome.messageId } : { state: 'failed', error: outcome.error }) }).commit()]),
  };
}

/** A bulk task's progress and hand-over, for an adapter over these tasks. */
export function bulkTaskProgress(key: BulkTaskKey): Pick<BulkMailAdapter<unknown>, 'progress' | 'handOver'> {
  const k = taskKey(key);
  return {
    progress: (from, next, counts) =>
      itemsOf(
        bulkMail.transaction.write(({ task }) => [
          task
            .patch(k)
            .set(next ? { cursor: next } : { done: true })
            .add({ pages: 1, ...counts })
            .where((attr, { eq, notExists }) => (from ? eq(attr.cursor, from) : notExists(attr.cursor)))
            .commit(),
        ]),
      ),
    handOver: (cursor) =>
      itemsOf(
        bulkMail.transaction.write(({ task }) => [
          task.patch(k).set({ done: true }).where((attr, { eq }) => eq(attr.done, false)).commit(),
          task.create({ ...k, seq: k.seq + 1, ...(cursor && { cursor }) }).commit(),
        ]),
      ),
  };
}
