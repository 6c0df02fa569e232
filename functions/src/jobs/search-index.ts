import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { reindex } from '../domain/social/search-index';

const image = (raw: unknown) => (raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined);

/** The table stream, filtered to people, groups and posts: keeps the search index in step (idempotent). */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  for (const record of event.Records) await reindex(image(record.dynamodb?.OldImage), image(record.dynamodb?.NewImage));
};
