import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * The local stand-in for a Lambda event source mapping on the table's stream: it reads DynamoDB
 * Local's stream (the real Streams API), keeps the records that pass the mapping's filter (entity and
 * change kind), and calls the consumer with batches shaped as Lambda's DynamoDBStreamEvent. Like
 * Lambda, it moves its position in a shard only after the consumer succeeded, retries a failing
 * batch, and keeps its positions (in a file) across restarts: a consumer killed mid-batch gets the
 * same batch again.
 *
 * Each subscription keeps its own position, as each mapping does in AWS (a slow consumer — a wave
 * being sent — does not hold the others back). What they share is the waiting: one tail reader per
 * shard polls the shard's end, and a subscription that has read everything sleeps until that reader
 * sees something new, instead of every subscription polling on its own (10 jobs × 10 polls a second
 * against DynamoDB Local when nothing happens, before).
 *
 * When nothing happens the tail reader backs off (up to `idleMaxMs` between looks) and the stack
 * stays quiet (ADR 0025); a write made through the local stack nudges it (`nudge()`: the worker's
 * own writes in its process, the gateway's and the triggers' over loopback, see stream-nudge.ts), so
 * that it looks at once and a write still reaches its consumers within a few tens of milliseconds.
 */
export interface StreamSubscription {
  name: string;
  entities: readonly string[];
  changes: readonly string[];
  batchSize: number;
  /** A partial batch response (`batchItemFailures`) is honoured as Lambda's ReportBatchItemFailures is. */
  consume(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void>;
}

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  region: string;
  /** JSON file of positions: subscription → shard → last sequence number handled, or 'closed'. */
  checkpointFile: string;
  subscriptions: StreamSubscription[];
  log(line: string): void;
}

/** The tail reader's first pause after an empty look, doubled after each empty look up to `idleMaxMs`. */
const idleMs = 100;
/** The longest pause of an idle tail reader: how late a write nobody nudged about (another process's) is seen. */
const idleMaxMs = 1_000;
/** After a nudge, the tail reader looks every `nudgedPauseMs` for `nudgedFastMs` (a record may show a moment after its write answered). */
const nudgedFastMs = 1_000;
const nudgedPauseMs = 25;
/** New shards are looked for this often, and at once when a shard closes or a subscription reads one to its end. */
const describeEveryMs = 2_000;
/** A subscription at the end of its shard looks again at least this often, whatever the tail says. */
const caughtUpRecheckMs = 2_000;
const maxAttempts = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Checkpoints = Record<string, Record<string, string>>;

/** A record as Lambda passes it (dates in epoch seconds, the stream's ARN on each record). */
function asLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime && { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }),
    },
  };
}

function matches(subscription: StreamSubscription, record: StreamRecord): boolean {
  if (!subscription.changes.includes(record.eventName ?? '')) return false;
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const entity = image?.__edb_e__?.S;
  return entity !== undefined && subscription.entities.includes(entity);
}

/**
 * The end of one shard, watched by one reader. `generation` grows each time records arrive there; a
 * subscription notes it before a read that comes back empty and waits for it to grow. A record
 * written after that read is seen by the tail after it too, so no wake-up is ever missed.
 */
class ShardTail {
  generation = 0;
  closed = false;
  private waiters: Array<() => void> = [];

  advance(closed = false): void {
    this.generation += 1;
    this.closed ||= closed;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when records newer than `seen` arrived, the shard closed, or after `maxMs`. */
  after(seen: number, maxMs: number): Promise<void> {
    if (this.generation > seen || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((wake) => wake !== done);
        resolve();
      }, maxMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }
}

/** A pause that a nudge ends early. */
class Alarm {
  private wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  ring(): void {
    for (const wake of [...this.wakers]) wake();
  }
}

export interface StreamPoller {
  /** Something was written to the table: look at the shards' ends now. */
  nudge(): void;
  stop(): void;
}

export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { client } = options;
  const checkpoints: Checkpoints = existsSync(options.checkpointFile) ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Checkpoints) : {};
  const save = () => {
    writeFileSync(`${options.checkpointFile}.tmp`, JSON.stringify(checkpoints));
    renameSync(`${options.checkpointFile}.tmp`, options.checkpointFile);
  };
  let stopped = false;
  const tailAlarm = new Alarm();
  const describeAlarm = new Alarm();
  let nudgedAt = 0;

  async function iteratorFor(subscription: StreamSubscription, shardId: string): Promise<string | undefined> {
    const after = checkpoints[subscription.name]?.[shardId];
    const result = await client.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return result.ShardIterator;
  }

  /**
   * Delivers a batch until it succeeds. A thrown error retries the whole batch; a partial batch
   * response retries from its first failed record on, as Lambda does with ReportBatchItemFailures
   * (the records before it are done and are not delivered again).
   */
  async function deliver(subscription: StreamSubscription, batch: StreamRecord[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await subscription.consume({ Records: pending.map((r) => asLambdaRecord(r, options.streamArn, options.region)) });
        const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        const firstFailed = pending.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
        if (!failed.size) return;
        // An identifier that names no record of the batch: Lambda retries the whole batch.
        pending = firstFailed >= 0 ? pending.slice(firstFailed) : pending;
        throw new Error(`${failed.size} record(s) reported failed, from ${pending[0]?.dynamodb?.SequenceNumber}`);
      } catch (error) {
        options.log(`${subscription.name}: batch failed (attempt ${attempt}/${maxAttempts}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (attempt >= maxAttempts) {
          options.log(`${subscription.name}: batch dropped after ${maxAttempts} attempts (in AWS: sent to the mapping's failure destination)`);
          return;
        }
        await sleep(Math.min(10_000, 200 * 2 ** attempt));
      }
    }
  }

  const tails = new Map<string, Promise<ShardTail>>();

  /** The shard's tail reader, started (from the shard's end) before any subscription reads it. */
  function tailOf(shardId: string): Promise<ShardTail> {
    let tail = tails.get(shardId);
    if (!tail) {
      tail = startTail(shardId);
      tails.set(shardId, tail);
      tail.catch(() => tails.delete(shardId));
    }
    return tail;
  }

  async function startTail(shardId: string): Promise<ShardTail> {
    const tail = new ShardTail();
    let iterator = (await client.send(new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: 'LATEST' }))).ShardIterator;
    void (async () => {
      let pause = idleMs;
      while (!stopped && iterator) {
        try {
          const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
          iterator = page.NextShardIterator;
          if (page.Records?.length || !iterator) {
            tail.advance(!iterator);
            pause = idleMs;
            if (!iterator) describeAlarm.ring();
          } else {
            // Quiet: look less and less often, quickly again for a moment after a nudge.
            const nudged = Date.now() - nudgedAt < nudgedFastMs;
            await tailAlarm.sleep(nudged ? nudgedPauseMs : pause);
            pause = Math.min(idleMaxMs, pause * 2);
          }
        } catch (error) {
          if (!(error instanceof ExpiredIteratorException)) options.log(`shard ${shardId}: the tail reader failed: ${String(error)}`);
          // Wake the waiting subscriptions; their next look starts a fresh tail reader.
          tails.delete(shardId);
          tail.advance();
          return;
        }
      }
    })();
    return tail;
  }

  async function readShard(subscription: StreamSubscription, shardId: string): Promise<void> {
    let iterator = await iteratorFor(subscription, shardId);
    while (!stopped && iterator) {
      const tail = await tailOf(shardId);
      const seen = tail.generation;
      let page;
      try {
        page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        // Iterators last 15 minutes: one may expire while a long batch runs.
        if (!(error instanceof ExpiredIteratorException)) throw error;
        iterator = await iteratorFor(subscription, shardId);
        continue;
      }
      const records = page.Records ?? [];
      const wanted = records.filter((record) => matches(subscription, record));
      for (let i = 0; i < wanted.length; i += subscription.batchSize) {
        const batch = wanted.slice(i, i + subscription.batchSize);
        await deliver(subscription, batch);
        (checkpoints[subscription.name] ??= {})[shardId] = batch.at(-1)!.dynamodb!.SequenceNumber!;
        save();
      }
      if (records.length) {
        (checkpoints[subscription.name] ??= {})[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!;
        save();
      }
      if (page.NextShardIterator === undefined) {
        (checkpoints[subscription.name] ??= {})[shardId] = 'closed';
        save();
        // Its child shards wait for this one to be read to the end: look for them now.
        describeAlarm.ring();
        return;
      }
      iterator = page.NextShardIterator;
      if (!records.length) await tail.after(seen, caughtUpRecheckMs);
    }
  }

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await client.send(new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: start }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  // One look at the stream's shards every few seconds serves every subscription.
  const active = new Map(options.subscriptions.map((subscription) => [subscription, new Set<string>()]));
  void (async () => {
    while (!stopped) {
      try {
        const shards = await listShards();
        const known = new Set(shards.map((s) => s.ShardId));
        for (const [subscription, reading] of active) {
          const done = checkpoints[subscription.name] ?? {};
          for (const shard of shards) {
            const id = shard.ShardId!;
            if (reading.has(id) || done[id] === 'closed') continue;
            // A child shard waits until its parent is read to the end (order per item is kept).
            if (shard.ParentShardId && known.has(shard.ParentShardId) && done[shard.ParentShardId] !== 'closed') continue;
            reading.add(id);
            readShard(subscription, id)
              .catch((error: unknown) => options.log(`${subscription.name}: shard ${id}: ${String(error)}`))
              .finally(() => reading.delete(id));
          }
        }
      } catch (error) {
        options.log(`describing the stream failed: ${String(error)}`);
      }
      await describeAlarm.sleep(describeEveryMs);
    }
  })();
  return {
    nudge: () => {
      nudgedAt = Date.now();
      tailAlarm.ring();
    },
    stop: () => {
      stopped = true;
      tailAlarm.ring();
      describeAlarm.ring();
    },
  };
}
