import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { nudgePath } from './stream-nudge';

/**
 * The local stand-in for EventBridge Scheduler: the part of its REST API Coopol uses (Create,
 * Update, Delete and Get of one-off `at(...)` schedules), reached through the real
 * @aws-sdk/client-scheduler, and a clock that fires due schedules by invoking their target with
 * their input, retrying as the schedule's retry policy says, then deleting them
 * (ActionAfterCompletion DELETE). Schedules are kept in a file, so they survive a restart.
 */
interface Schedule {
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  State?: 'ENABLED' | 'DISABLED';
  ActionAfterCompletion?: 'DELETE' | 'NONE';
  Target: { Arn: string; RoleArn: string; Input?: string; RetryPolicy?: { MaximumRetryAttempts?: number } };
  /** Local bookkeeping: when it fires next, how many attempts failed. */
  dueAt: number;
  attempts: number;
}

export interface SchedulerServerOptions {
  /** JSON file the schedules are kept in. */
  stateFile: string;
  /** Runs the target (a job's function ARN) with the schedule's input; throws when it fails. */
  invoke(targetArn: string, input: unknown): Promise<void>;
  /** `POST /stream-nudge` (the same worker's other local door): something was written to the table. */
  onNudge?(): void;
  log(line: string): void;
}

const atPattern = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;

function reply(res: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
  res.end(payload);
}

export function createSchedulerServer(options: SchedulerServerOptions): { server: http.Server; close(): void } {
  const schedules = new Map<string, Schedule>(
    existsSync(options.stateFile) ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as Schedule[]).map((s) => [`${s.GroupName}/${s.Name}`, s]) : [],
  );
  const save = () => {
    writeFileSync(`${options.stateFile}.tmp`, JSON.stringify([...schedules.values()], null, 2));
    renameSync(`${options.stateFile}.tmp`, options.stateFile);
  };
  const running = new Set<string>();

  const tick = () => {
    const now = Date.now();
    for (const [key, schedule] of schedules) {
      if (schedule.State === 'DISABLED' || schedule.dueAt > now || running.has(key)) continue;
      running.add(key);
      const input: unknown = schedule.Target.Input ? JSON.parse(schedule.Target.Input) : {};
      options
        .invoke(schedule.Target.Arn, input)
        .then(() => {
          options.log(`schedule ${key} ran`);
          if (schedules.get(key) !== schedule) return; // replaced meanwhile: the new one stands
          if (schedule.ActionAfterCompletion === 'DELETE') schedules.delete(key);
          else schedule.State = 'DISABLED';
          save();
        })
        .catch((error: unknown) => {
          schedule.attempts += 1;
          const maxAttempts = (schedule.Target.RetryPolicy?.MaximumRetryAttempts ?? 185) + 1;
          options.log(`schedule ${key} failed (attempt ${schedule.attempts}/${maxAttempts}): ${String(error)}`);
          if (schedule.attempts >= maxAttempts) schedule.State = 'DISABLED';
          else schedule.dueAt = Date.now() + Math.min(60_000, 500 * 2 ** schedule.attempts);
          save();
        })
        .finally(() => running.delete(key));
    }
  };
  const timer = setInterval(tick, 200);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === nudgePath && options.onNudge) {
      options.onNudge();
      res.writeHead(204).end();
      return;
    }
    const match = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (!match) return reply(res, 404, { Message: 'Not found' }, 'ResourceNotFoundException');
    const name = decodeURIComponent(match[1]!);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Schedule>) : {};
      const group = body.GroupName ?? url.searchParams.get('groupName') ?? 'default';
      const key = `${group}/${name}`;
      const existing = schedules.get(key);
      if (req.method === 'GET') {
        if (!existing) return reply(res, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
        return reply(res, 200, { ...existing, Arn: `arn:aws:scheduler:local:000000000000:schedule/${key}` });
      }
      if (req.method === 'DELETE') {
        if (!existing) return reply(res, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
        schedules.delete(key);
        save();
        return reply(res, 200, {});
      }
      if (req.method === 'POST' || req.method === 'PUT') {
        if (req.method === 'POST' && existing) return reply(res, 409, { Message: `Schedule ${name} already exists.` }, 'ConflictException');
        if (req.method === 'PUT' && !existing) return reply(res, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
        const at = atPattern.exec(body.ScheduleExpression ?? '');
        if (!at || (body.ScheduleExpressionTimezone ?? 'UTC') !== 'UTC' || !body.Target?.Arn) {
          return reply(res, 400, { Message: 'Only one-off at(...) schedules in UTC with a target are supported locally.' }, 'ValidationException');
        }
        schedules.set(key, { ...(body as Schedule), Name: name, GroupName: group, dueAt: Date.parse(`${at[1]}Z`), attempts: 0 });
        save();
        return reply(res, 200, { ScheduleArn: `arn:aws:scheduler:local:000000000000:schedule/${key}` });
      }
      reply(res, 405, { Message: 'Method not allowed' }, 'ValidationException');
    });
  });
  return { server, close: () => clearInterval(timer) };
}
