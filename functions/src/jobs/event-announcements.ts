import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { runAnnouncementTask, type AnnouncementTaskKey } from '../domain/events/announcements';

/**
 * The table stream, filtered to created announcement tasks (infra/jobs.ts): mails that audience
 * of an event's announcement, page by page. A failure or a timeout makes the stream deliver the
 * task again; it resumes from its cursor, and receipts keep anyone from a second mail (ADR 0013).
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<void> => {
  for (const record of event.Records) {
    const image = unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>) as AnnouncementTaskKey;
    const key = { eventId: image.eventId, scopeType: image.scopeType, scopeId: image.scopeId, seq: image.seq };
    await runAnnouncementTask(key, () => context.getRemainingTimeInMillis());
  }
};
