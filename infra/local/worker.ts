/**
 * The local stack's worker: the process that runs Coopol's background jobs (infra/jobs.ts) as AWS
 * would — stream consumers fed by DynamoDB Local's stream, scheduled jobs fired by the local
 * EventBridge Scheduler (served here on WORKER_SCHEDULER_PORT). It is a process of its own so that
 * it can crash or be killed like a Lambda container; the stack starts it again, and it resumes from
 * its stream positions and schedules, kept in WORKER_STATE_DIR.
 *
 * Started by infra/local/stack.ts with the handlers' environment.
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { jobNames, jobs, type JobName } from '../jobs';
import { loadJob, localJobArn } from './jobs-runtime';
import { invokeContext } from './lambda';
import { createSchedulerServer } from './scheduler-server';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { nudgeOnWrites } from './stream-nudge';

const stateDir = process.env.WORKER_STATE_DIR!;
const schedulerPort = Number(process.env.WORKER_SCHEDULER_PORT);
const streamArn = process.env.WORKER_STREAM_ARN!;
/** Stream consumers a benchmark runs in its own process. */
const skipped = new Set((process.env.WORKER_SKIP_JOBS ?? '').split(',').filter(Boolean));
const log = (line: string) => console.log(`[worker ${new Date().toISOString()}] ${line}`);

async function run(job: JobName, event: unknown): Promise<unknown> {
  const handler = await loadJob(job);
  return handler(event, invokeContext(job, randomUUID(), jobs[job].timeoutSeconds * 1000));
}

const byArn = new Map(jobNames.map((job) => [localJobArn(job), job]));
// eslint-disable-next-line prefer-const -- the scheduler made below nudges it before it is assigned
let poller: StreamPoller | undefined;
const scheduler = createSchedulerServer({
  stateFile: path.join(stateDir, 'schedules.json'),
  invoke: async (arn, input) => {
    const job = byArn.get(arn);
    if (!job) throw new Error(`no job has the ARN ${arn}`);
    await run(job, input);
  },
  // A write made by the gateway's handlers or the Cognito triggers, in the stack's process.
  onNudge: () => poller?.nudge(),
  log,
});

poller = startStreamPoller({
  client: new DynamoDBStreamsClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  streamArn,
  region: process.env.AWS_REGION!,
  checkpointFile: path.join(stateDir, 'stream-positions.json'),
  subscriptions: jobNames.flatMap((job) => {
    const trigger = jobs[job].trigger;
    if (trigger.kind !== 'stream' || skipped.has(job)) return [];
    return [{ name: job, ...trigger, consume: async (event: DynamoDBStreamEvent) => (await run(job, event)) as DynamoDBBatchResponse | void }];
  }),
  log,
});
// The jobs' own writes (a fan-out feeding the search index…) wake the poller in this process.
const { dynamodb } = await import('../../functions/src/shared/dynamodb');
nudgeOnWrites(dynamodb, () => poller?.nudge());

// Recurring jobs (digests): an interval, as an EventBridge rule would invoke them, with the same event shape.
for (const job of jobNames) {
  const trigger = jobs[job].trigger;
  if (trigger.kind !== 'rate') continue;
  setInterval(() => {
    run(job, { source: 'aws.events', 'detail-type': 'Scheduled Event', time: new Date().toISOString(), detail: {} }).catch((error: unknown) => log(`${job}: ${String(error)}`));
  }, trigger.everyMs).unref();
}

scheduler.server.listen(schedulerPort, '127.0.0.1', () => {
  writeFileSync(path.join(stateDir, 'worker.pid'), String(process.pid));
  log(`ready (pid ${process.pid})`);
});

// A deploy or Ctrl-C stops the worker at once, as Lambda stops a container: nothing is finished
// gracefully, so the jobs' resumption is exercised every time.
process.on('SIGTERM', () => process.exit(0));
