import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { optionalEndpoint, readConfig } from './config';
import { countedRequest } from './request-context';

const config = readConfig({
  TABLE_NAME: z.string().min(1),
  DYNAMODB_ENDPOINT: optionalEndpoint,
});

/** Name of the single table, passed by CDK (never hard-coded). */
export const tableName = config.TABLE_NAME;

/** Created once per container, reused by every request. */
export const dynamodb = new DynamoDBClient(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {});

// Count every request sent to DynamoDB and its level, for the per-request log line and the page-cost benchmarks.
dynamodb.middlewareStack.add(
  (next) => (args) => countedRequest(() => next(args)),
  { step: 'initialize', name: 'coopolCountDynamoDbCalls' },
);

export const documentClient = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true },
});

/** What every ElectroDB entity of the one table is built with. */
export const entityConfig = { table: tableName, client: documentClient };
