import type { CreateScheduleCommandInput, SchedulerClient } from '@aws-sdk/client-scheduler';
import * as z from 'zod';
import { optionalEndpoint, readConfig } from './config';
import { scheduledJobs, type ScheduledJob } from './scheduled-jobs';

const config = readConfig({
  SCHEDULER_ENDPOINT: optionalEndpoint,
  /** The schedule group Coopol's one-off schedules live in. */
  SCHEDULE_GROUP: z.string().min(1),
  /** The role EventBridge Scheduler assumes to invoke the jobs. */
  SCHEDULER_ROLE_ARN: z.string().min(1),
  /** `{ "<job>": "<function ARN>" }` for the scheduled jobs. */
  SCHEDULED_JOB_ARNS: z
    .string()
    .transform((raw, ctx) => {
      try {
        return z.record(z.enum(scheduledJobs), z.string().min(1)).parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of job name → function ARN' });
        return z.NEVER;
      }
    }),
});

let loaded: Promise<{ client: SchedulerClient; sdk: typeof import('@aws-sdk/client-scheduler') }> | undefined;

/**
 * EventBridge Scheduler's client, loaded on first use (ADR 0008): a request that schedules nothing
 * — most of them — never loads it, and the Lambda's cold start does not pay for it.
 */
function scheduler() {
  loaded ??= import('@aws-sdk/client-scheduler').then((sdk) => ({
    sdk,
    client: new sdk.SchedulerClient(config.SCHEDULER_ENDPOINT ? { endpoint: config.SCHEDULER_ENDPOINT } : {}),
  }));
  return loaded;
}

/** `at()` takes a UTC wall-clock time to the second: rounded up, so nothing runs before its time. */
const atExpression = (at: Date) => `at(${new Date(Math.ceil(at.getTime() / 1000) * 1000).toISOString().slice(0, 19)})`;

/**
 * Makes (or moves) the one-off schedule `name`: at `at`, EventBridge Scheduler invokes `job` with
 * `payload` as its event, retries on failure, then deletes the schedule. `name` is the caller's
 * idempotency key (e.g. `wave-<id>`): scheduling again replaces the time and payload.
 */
export async function scheduleJob(name: string, job: ScheduledJob, at: Date, payload: unknown): Promise<void> {
  const input: CreateScheduleCommandInput = {
    Name: name,
    GroupName: config.SCHEDULE_GROUP,
    ScheduleExpression: atExpression(at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: config.SCHEDULED_JOB_ARNS[job]!,
      RoleArn: config.SCHEDULER_ROLE_ARN,
      Input: JSON.stringify(payload),
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
    },
  };
  const { client, sdk } = await scheduler();
  try {
    await client.send(new sdk.CreateScheduleCommand(input));
  } catch (error) {
    if (!(error instanceof sdk.ConflictException)) throw error;
    await client.send(new sdk.UpdateScheduleCommand(input));
  }
}

/** Removes a schedule that has not fired; nothing happens when it is already gone. */
export async function cancelScheduledJob(name: string): Promise<void> {
  const { client, sdk } = await scheduler();
  try {
    await client.send(new sdk.DeleteScheduleCommand({ Name: name, GroupName: config.SCHEDULE_GROUP }));
  } catch (error) {
    if (!(error instanceof sdk.ResourceNotFoundException)) throw error;
  }
}
