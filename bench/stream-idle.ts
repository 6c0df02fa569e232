import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jobNames, jobs } from '../infra/jobs';
import { startLocalStack } from '../infra/local/stack';
import { startStreamPoller } from '../infra/local/stream-poller';
import { tableDesign } from '../functions/src/domain/table-design';
import { freePorts } from '../tests/support/stack';

/**
 * What the local worker's stream reading costs DynamoDB Local when nothing happens, and how soon a
 * write reaches every consumer. Each subscription keeps its own position (as each event source
 * mapping does in AWS), but only one tail reader per shard polls the shard's end: the idle cost
 * should not grow with the number of stream jobs. Run with 1, then 10 subscriptions, every request
 * to the Streams API counted.
 */
const IDLE_SECONDS = 10;
const WRITES = 20;

const streamJobs = jobNames.filter((job) => jobs[job].trigger.kind === 'stream');
// The stack's own worker reads nothing: this process is the only reader of the stream.
const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: streamJobs, logLevel: 'SILENT' });
const dynamodb = new DynamoDBClient({ endpoint: stack.env.DYNAMODB_ENDPOINT });
const table = stack.env.TABLE_NAME!;

async function measure(subscriptionCount: number): Promise<{ idlePerSecond: number; medianDelayMs: number; maxDelayMs: number }> {
  const counts = new Map<string, number>();
  const client = new DynamoDBStreamsClient({ endpoint: stack.env.DYNAMODB_ENDPOINT });
  client.middlewareStack.add(
    (next, context) => (args) => {
      counts.set(context.commandName!, (counts.get(context.commandName!) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  const streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table!.LatestStreamArn!;
  const dir = mkdtempSync(path.join(tmpdir(), 'coopol-stream-idle-'));
  const received = new Map<string, number[]>();
  const entity = `benchStreamIdle${subscriptionCount}`;
  const poller = startStreamPoller({
    client,
    streamArn,
    region: stack.env.AWS_REGION!,
    checkpointFile: path.join(dir, 'positions.json'),
    subscriptions: Array.from({ length: subscriptionCount }, (_, i) => ({
      name: `bench-${i}`,
      entities: [entity],
      changes: ['INSERT'],
      batchSize: 10,
      consume: async (event) => {
        for (const record of event.Records) {
          const id = record.dynamodb!.NewImage![tableDesign.partitionKey]!.S!;
          received.set(id, [...(received.get(id) ?? []), Date.now()]);
        }
      },
    })),
    log: () => {},
  });
  try {
    // Let every subscription reach the end of the stream, then count what waiting costs.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const before = new Map(counts);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const idle = [...counts].reduce((sum, [command, n]) => sum + n - (before.get(command) ?? 0), 0);

    const delays: number[] = [];
    for (let i = 0; i < WRITES; i += 1) {
      const id = `bench-stream-idle-${subscriptionCount}-${i}`;
      const written = Date.now();
      await dynamodb.send(new PutItemCommand({ TableName: table, Item: { [tableDesign.partitionKey]: { S: id }, [tableDesign.sortKey]: { S: id }, __edb_e__: { S: entity } } }));
      while ((received.get(id)?.length ?? 0) < subscriptionCount) await new Promise((resolve) => setTimeout(resolve, 5));
      delays.push(Math.max(...received.get(id)!) - written);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    delays.sort((a, b) => a - b);
    return { idlePerSecond: idle / IDLE_SECONDS, medianDelayMs: delays[Math.floor(delays.length / 2)]!, maxDelayMs: delays.at(-1)! };
  } finally {
    poller.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  const one = await measure(1);
  const many = await measure(streamJobs.length);
  console.log(`Streams API requests per second while idle: ${one.idlePerSecond.toFixed(1)} with 1 subscription, ${many.idlePerSecond.toFixed(1)} with ${streamJobs.length} (ratio ${(many.idlePerSecond / one.idlePerSecond).toFixed(2)})`);
  console.log(`A write reaches every subscription in ${one.medianDelayMs} ms (max ${one.maxDelayMs}) with 1, ${many.medianDelayMs} ms (max ${many.maxDelayMs}) with ${streamJobs.length}`);
} finally {
  await stack.stop();
}
