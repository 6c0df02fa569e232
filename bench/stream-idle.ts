import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jobNames, jobs } from '../infra/jobs';
import { startLocalStack } from '../infra/local/stack';
import { nudgeOnWrites } from '../infra/local/stream-nudge';
import { startStreamPoller } from '../infra/local/stream-poller';
import { freePorts } from '../tests/support/stack';

/**
 * Issue 22, goal 4 (ADR 0025): what the local stack costs when nothing happens, and how soon a
 * write still reaches the stream's consumers.
 * 1. CPU: utime + stime (/proc/<pid>/stat) of every process of the stack — DynamoDB Local's JVM,
 *    the worker running every stream job, cognito-local, the SES emulator, the local S3, and this
 *    process, which holds the gateway — over IDLE_SECONDS of nothing: goal ≤ 5 % of one core in all.
 * 2. A write through the handlers' client reaches the worker's feed fan-out (the real job: the feed
 *    item appears), nudged over loopback: goal < 300 ms.
 * 3. The Streams API requests of one poller while idle, with 1 then every stream subscription (one
 *    tail reader per shard: the cost should not grow with the number of jobs), and how soon a write
 *    reaches every subscription of a poller nudged in its process: goal < 300 ms.
 */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
// After start-up and the seeding, the JVM and Node finish compiling and collecting: not idle yet.
const SETTLE_SECONDS = 20;
const WRITES = 8;
const goal = { cpuPercent: 5, delayMs: 300 };
const ticksPerSecond = 100; // USER_HZ on Linux

const streamJobs = jobNames.filter((job) => jobs[job].trigger.kind === 'stream');
const stack = await startLocalStack({ ports: await freePorts(), web: false, logLevel: 'SILENT' });
let failed = false;
const mark = (ok: boolean) => {
  failed ||= !ok;
  return ok ? '✓' : '✗';
};

/**
 * A process and its descendants: CPU ticks so far (utime + stime of each). The stack's own processes
 * are children of this one: `excluded` leaves their trees out of this process's count, or they would
 * be counted twice.
 */
function cpuTicks(root: number, excluded: ReadonlySet<number> = new Set()): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  let total = 0;
  const stackOf = [root];
  while (stackOf.length) {
    const pid = stackOf.pop()!;
    if (excluded.has(pid)) continue;
    total += ticks.get(pid) ?? 0;
    stackOf.push(...(children.get(pid) ?? []));
  }
  return total;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const { PostEntity, FeedItemEntity, GroupMemberEntity } = await import('../functions/src/domain/social/entities');
  const { tableDesign } = await import('../functions/src/domain/table-design');
  const { PutItemCommand } = await import('@aws-sdk/client-dynamodb');
  const table = stack.env.TABLE_NAME!;

  // 1. Nothing happens: every process of the stack, this one (the gateway) included.
  await sleep(SETTLE_SECONDS * 1000);
  const stackProcesses = stack.processIds();
  const processes = { ...stackProcesses, 'gateway (this process)': process.pid };
  const others = new Set(Object.values(stackProcesses));
  const ticksOf = (pid: number) => cpuTicks(pid, pid === process.pid ? others : undefined);
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, ticksOf(pid)]));
  await sleep(IDLE_SECONDS * 1000);
  const used = Object.entries(processes).map(([name, pid]) => [name, (100 * (ticksOf(pid) - before[name]!)) / ticksPerSecond / IDLE_SECONDS] as const);
  const total = used.reduce((sum, [, percent]) => sum + percent, 0);
  console.log(`Idle local stack, ${IDLE_SECONDS} s with nothing happening (% of one core, utime + stime)`);
  for (const [name, percent] of used) console.log(`  ${name.padEnd(24)} ${percent.toFixed(2).padStart(6)} %`);
  console.log(`  ${'all'.padEnd(24)} ${total.toFixed(2).padStart(6)} %   goal ≤ ${goal.cpuPercent} % ${mark(total <= goal.cpuPercent)}`);

  // 2. A write reaches the worker's real feed fan-out: a post in a group of one member, its feed item awaited.
  const reader = 'bench-stream-idle-reader';
  const groupId = 'benchstreamidle0';
  await GroupMemberEntity.put({ groupId, userId: reader, state: 'member', role: 'member', displayName: 'Banc', groupName: 'Banc', at: new Date().toISOString() }).go();
  const fanned: number[] = [];
  // The first post loads the job's module in the worker (a cold start): not counted.
  for (let i = -1; i < WRITES; i += 1) {
    await sleep(1500); // the poller back to idle between writes
    const postId = `benchstreamidle${String(i + 1).padStart(5, '0')}`;
    const createdAt = new Date().toISOString();
    const written = performance.now();
    await PostEntity.put({ postId, spaceKey: `group:${groupId}`, spaceType: 'group', spaceId: groupId, authorId: 'bench', authorName: 'Banc', text: 'x', html: '<p>x</p>', searchText: 'x', createdAt, hidden: false, commentCount: 0 }).go();
    while (!(await FeedItemEntity.get({ userId: reader, createdAt, postId }).go()).data) await sleep(2);
    if (i >= 0) fanned.push(performance.now() - written);
  }
  const fanMedian = median(fanned);
  const fanMax = Math.max(...fanned);
  console.log(`A post written through the handlers' client is in its reader's feed (worker's feed-fan-out) in ${fanMedian.toFixed(0)} ms median, ${fanMax.toFixed(0)} ms max   goal < ${goal.delayMs} ms ${mark(fanMax < goal.delayMs)}`);

  // 3. A poller of this process, every request to the Streams API counted.
  const dynamodb = new DynamoDBClient({ endpoint: stack.env.DYNAMODB_ENDPOINT });
  const streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table!.LatestStreamArn!;
  async function measure(subscriptionCount: number): Promise<{ idlePerSecond: number; medianDelayMs: number; maxDelayMs: number }> {
    let requests = 0;
    const client = new DynamoDBStreamsClient({ endpoint: stack.env.DYNAMODB_ENDPOINT });
    client.middlewareStack.add((next) => (args) => ((requests += 1), next(args)), { step: 'initialize', name: 'countRequests' });
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
            received.set(id, [...(received.get(id) ?? []), performance.now()]);
          }
        },
      })),
      log: () => {},
    });
    // Writes through this client wake this poller, as the worker's own writes wake its poller.
    const writer = new DynamoDBClient({ endpoint: stack.env.DYNAMODB_ENDPOINT });
    nudgeOnWrites(writer, () => poller.nudge());
    const writeAndWait = async (id: string) => {
      await writer.send(new PutItemCommand({ TableName: table, Item: { [tableDesign.partitionKey]: { S: id }, [tableDesign.sortKey]: { S: id }, __edb_e__: { S: entity } } }));
      while ((received.get(id)?.length ?? 0) < subscriptionCount) await sleep(2);
    };
    try {
      // Let every subscription read the stream's history and reach its end (a first write seen by all),
      // then count what waiting costs.
      await writeAndWait(`bench-stream-idle-${subscriptionCount}-caught-up`);
      await sleep(2_000);
      const idleBefore = requests;
      await sleep(10_000);
      const idle = requests - idleBefore;
      const delays: number[] = [];
      for (let i = 0; i < WRITES; i += 1) {
        await sleep(1500);
        const id = `bench-stream-idle-${subscriptionCount}-${i}`;
        const written = performance.now();
        await writeAndWait(id);
        delays.push(Math.max(...received.get(id)!) - written);
      }
      return { idlePerSecond: idle / 10, medianDelayMs: median(delays), maxDelayMs: Math.max(...delays) };
    } finally {
      poller.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const one = await measure(1);
  const many = await measure(streamJobs.length);
  console.log(`Streams API requests per second while idle: ${one.idlePerSecond.toFixed(1)} with 1 subscription, ${many.idlePerSecond.toFixed(1)} with ${streamJobs.length} (ratio ${(many.idlePerSecond / Math.max(0.1, one.idlePerSecond)).toFixed(2)})`);
  console.log(
    `A nudged write reaches every subscription in ${one.medianDelayMs.toFixed(0)} ms (max ${one.maxDelayMs.toFixed(0)}) with 1, ${many.medianDelayMs.toFixed(0)} ms (max ${many.maxDelayMs.toFixed(0)}) with ${streamJobs.length}   goal < ${goal.delayMs} ms ${mark(Math.max(one.maxDelayMs, many.maxDelayMs) < goal.delayMs)}`,
  );
} finally {
  await stack.stop();
}
if (failed) {
  console.error('✗ the idle stack misses a goal');
  process.exitCode = 1;
}
