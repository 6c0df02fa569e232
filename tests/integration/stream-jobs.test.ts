import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BatchWriteItemCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { Context } from 'aws-lambda';
import { tableDesign } from '../../functions/src/domain/table-design';
import { streamJob } from '../../functions/src/jobs/kit/stream-job';
import { startStreamPoller } from '../../infra/local/stream-poller';
import { testStack, type TestStack } from '../support/stack';

// The one wrapper of stream jobs, fed by the local worker's stream reader from DynamoDB Local's real
// stream: a change that fails is delivered again with those after it (Lambda's ReportBatchItemFailures),
// the ones before it are not redone, and none after it is handled before it succeeds.
let stack: TestStack;
let dynamodb: DynamoDBClient;
let dir: string;
const run = randomUUID().slice(0, 8);
const entity = `streamJobTest${run}`;

before(() => {
  stack = testStack();
  dynamodb = new DynamoDBClient({ endpoint: stack.env.DYNAMODB_ENDPOINT, region: stack.env.AWS_REGION });
  dir = mkdtempSync(path.join(tmpdir(), 'coopol-stream-jobs-'));
});
after(() => {
  dynamodb.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test('a failing change is retried with those after it, in order; those before it are handled once', async () => {
  const handled: string[] = [];
  let failuresLeft = 1;
  const job = streamJob<{ pk: string; label: string; __edb_e__: string }>(async ({ kind, after: item }) => {
    assert.equal(kind, 'INSERT');
    assert.equal(item!.__edb_e__, entity, 'the item comes unmarshalled');
    if (item!.label === 'c' && failuresLeft > 0) {
      failuresLeft -= 1;
      handled.push('c failed');
      throw new Error('the third change fails once');
    }
    handled.push(item!.label);
  });
  const streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName: stack.env.TABLE_NAME }))).Table!.LatestStreamArn!;
  const poller = startStreamPoller({
    client: new DynamoDBStreamsClient({ endpoint: stack.env.DYNAMODB_ENDPOINT, region: stack.env.AWS_REGION }),
    streamArn,
    region: stack.env.AWS_REGION!,
    checkpointFile: path.join(dir, 'positions.json'),
    subscriptions: [{ name: 'stream-job-test', entities: [entity], changes: ['INSERT'], batchSize: 10, consume: (event) => job(event, {} as Context) }],
    log: () => {},
  });
  try {
    const labels = ['a', 'b', 'c', 'd', 'e'];
    await dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [stack.env.TABLE_NAME!]: labels.map((label) => ({
            PutRequest: { Item: { [tableDesign.partitionKey]: { S: `${entity}#${label}` }, [tableDesign.sortKey]: { S: label }, label: { S: label }, __edb_e__: { S: entity } } },
          })),
        },
      }),
    );
    const deadline = Date.now() + 60_000;
    while (handled.filter((h) => h === 'e').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
    // BatchWriteItem does not promise the order of its puts in the stream: judge by what arrived.
    const firstTry = handled.indexOf('c failed');
    assert.ok(firstTry >= 0, handled.join(' '));
    const before = handled.slice(0, firstTry);
    const retried = handled.slice(firstTry + 1);
    assert.equal(retried[0], 'c', `the failed change comes first on retry: ${handled.join(' ')}`);
    assert.deepEqual([...before, ...retried].sort(), labels, `each change handled once: ${handled.join(' ')}`);
  } finally {
    poller.stop();
  }
});
