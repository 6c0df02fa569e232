import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { fanOutPost, type NewPost } from '../domain/social/fanout';

/**
 * The table stream, filtered to new posts (infra/jobs.ts): each post goes into the feeds of its
 * readers. A failed or killed invocation gets the same batch again; the fan-out is idempotent.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  for (const record of event.Records) {
    const post = unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>) as NewPost;
    await fanOutPost(post);
  }
};
