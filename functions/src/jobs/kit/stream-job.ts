import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/logger';

/**
 * The one way a job consumes the table's stream (infra/jobs.ts declares which entities and changes
 * reach it). Records arrive unmarshalled, as the item ElectroDB wrote (`__edb_e__` names its entity).
 */
export interface StreamChange<T = Record<string, unknown>> {
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The item before the change (MODIFY, REMOVE). */
  before?: T;
  /** The item after the change (INSERT, MODIFY). */
  after?: T;
  /** When DynamoDB recorded the change. */
  at: Date;
}

function changeOf<T>(record: DynamoDBRecord): StreamChange<T> {
  const image = (raw: unknown) => (raw ? (unmarshall(raw as Record<string, AttributeValue>) as T) : undefined);
  return {
    kind: record.eventName ?? 'MODIFY',
    before: image(record.dynamodb?.OldImage),
    after: image(record.dynamodb?.NewImage),
    at: new Date((record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000),
  };
}

/**
 * A job that handles changes one by one, in stream order. A change that fails stops the batch there
 * and is reported as the batch's first failure (Lambda's ReportBatchItemFailures, which the event
 * source mapping turns on): the stream delivers it again with those after it, and the changes before
 * it are not redone. Later changes are not handled ahead of the failed one — an item's newer state
 * must not be written before its older one is retried — which is why this is not Powertools' batch
 * processor (it goes on through the batch after a failure and reports every failed record).
 */
export function streamJob<T = Record<string, unknown>>(handle: (change: StreamChange<T>, context: Context) => Promise<void>) {
  return async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      try {
        await handle(changeOf<T>(record), context);
      } catch (error) {
        const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
        logger.error('stream change failed: it and those after it will be delivered again', { itemIdentifier, error: error as Error });
        return { batchItemFailures: [{ itemIdentifier }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

/**
 * A job that handles a whole batch at once (one read and one write for many changes, as the rollout
 * numbers do). A failure makes the stream deliver the whole batch again: the job must be idempotent.
 */
export function streamBatchJob<T = Record<string, unknown>>(handle: (changes: StreamChange<T>[], context: Context) => Promise<void>) {
  return async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    await handle(event.Records.map((record) => changeOf<T>(record)), context);
    return { batchItemFailures: [] };
  };
}
