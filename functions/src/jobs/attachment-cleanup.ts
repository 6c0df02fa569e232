import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { deleteFilesOfPost, forgetUnattachedFile } from '../domain/social/attachment-cleanup';

/** The table stream's removals of attachments (TTL) and posts (deleted): their files leave the bucket. */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  for (const record of event.Records) {
    const removed = record.dynamodb?.OldImage ? unmarshall(record.dynamodb.OldImage as Record<string, AttributeValue>) : undefined;
    if (removed?.__edb_e__ === 'attachment') await forgetUnattachedFile(removed);
    else if (removed?.__edb_e__ === 'post') await deleteFilesOfPost(removed as Parameters<typeof deleteFilesOfPost>[0]);
  }
};
