import type { Context } from 'aws-lambda';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jobs, type JobName } from '../jobs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type JobHandler = (event: unknown, context: Context) => Promise<unknown>;

const loaded = new Map<JobName, Promise<JobHandler>>();

/** A job's handler module, loaded once per process (as a Lambda container would). */
export function loadJob(job: JobName): Promise<JobHandler> {
  if (!loaded.has(job)) {
    const url = pathToFileURL(path.join(repoRoot, jobs[job].entry)).href;
    loaded.set(job, import(url).then((m: { handler: JobHandler }) => m.handler));
  }
  return loaded.get(job)!;
}

/** The ARN a job's function has locally: what schedules target (SCHEDULED_JOB_ARNS). */
export const localJobArn = (job: JobName) => `arn:aws:lambda:eu-west-3:000000000000:function:coopol-local-${job}`;
