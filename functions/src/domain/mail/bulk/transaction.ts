import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../../shared/dynamodb';
import type { WriteItem } from './adapter';

/** A refused transaction: each item's reason (`ConditionalCheckFailed`, `TransactionConflict`, `None`…). */
export type Refusal = { written: false; codes: string[] };

/**
 * Writes items built by different services' entities (a task of the events, a receipt of the
 * rollout…) in one transaction: ElectroDB's `service.transaction` only takes its own entities.
 * Returns the refusal instead of throwing it, as ElectroDB's `canceled` does.
 */
export async function writeTogether(items: WriteItem[]): Promise<{ written: true } | Refusal> {
  if (!items.length) return { written: true };
  if (items.length > 100) throw new Error(`a transaction of ${items.length} items: DynamoDB takes 100 at most`);
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: items as TransactWriteCommandInput['TransactItems'] }));
    return { written: true };
  } catch (error) {
    const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) throw error;
    return { written: false, codes: reasons.map((r) => r.Code ?? 'None') };
  }
}

/** The items of an ElectroDB write transaction, to be written with others (`writeTogether`). */
export const itemsOf = (transaction: { params(): { TransactItems: WriteItem[] } }): WriteItem[] => transaction.params().TransactItems;
