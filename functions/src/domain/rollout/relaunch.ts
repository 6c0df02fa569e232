import type { EntityItem } from 'electrodb';
import { logger } from '../../shared/logger';
import type { WriteItem } from '../mail/bulk/adapter';
import { itemsOf, writeTogether } from '../mail/bulk/transaction';
import { rollout, WaveTaskEntity } from './entities';
import { waveOptions } from './options';

/** A wave's sending task: one federation, and its successive invocations (`seq`). */
export interface TaskKey {
  waveId: string;
  federationCode: string;
  seq: number;
}

type TaskItem = EntityItem<typeof WaveTaskEntity>;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Ends a task and writes the next one (seq + 1), starting at `cursor`: its creation on the stream
 * starts a new sender. With the wave's task counters; refused if the task is done already or — when
 * `touchedAt` is given (`null`: never touched) — was touched since.
 */
export function handOverItems(key: TaskKey, openedAt: string, cursor: string | null, touchedAt?: number | null): WriteItem[] {
  return itemsOf(
    rollout.transaction.write(({ task: tasks, wave }) => [
      tasks
        .patch(key)
        .set({ done: true })
        .where((attr, { eq, notExists }) => {
          const notDone = eq(attr.done, false);
          if (touchedAt === undefined) return notDone;
          return `${notDone} AND ${touchedAt === null ? notExists(attr.touchedAt) : eq(attr.touchedAt, touchedAt)}`;
        })
        .commit(),
      tasks.create({ ...key, seq: key.seq + 1, openedAt, ...(cursor && { cursor }) }).commit(),
      wave.patch({ waveId: key.waveId }).add({ tasksTotal: 1, tasksDone: 1 }).commit(),
    ]),
  );
}

/** The wave's tasks not done and untouched for `waveOptions.stallSeconds` (one Query per 1 MB of tasks). */
export async function stalledTasks(waveId: string): Promise<TaskItem[]> {
  const { data } = await WaveTaskEntity.query.byWave({ waveId }).go({ pages: 'all', consistent: true });
  const before = nowSeconds() - waveOptions.stallSeconds;
  return data.filter((task) => !task.done && (task.touchedAt ?? Math.floor(Date.parse(task.openedAt) / 1000)) < before);
}

/**
 * Relaunches stalled tasks: each is handed over to a new task at its last committed page, as a
 * sender does before its timeout — on the condition that it was not touched since it was read, so
 * a sender that woke up meanwhile keeps its task. The claims and leases (ADR 0009) still make sure
 * nobody gets a mail twice. Returns how many were relaunched.
 */
export async function relaunchStalledTasks(waveId: string): Promise<number> {
  let relaunched = 0;
  for (const task of await stalledTasks(waveId)) {
    const key = { waveId, federationCode: task.federationCode, seq: task.seq };
    if ((await writeTogether(handOverItems(key, task.openedAt, task.cursor ?? null, task.touchedAt ?? null))).written) relaunched += 1;
  }
  if (relaunched) logger.info('stalled wave tasks relaunched', { waveId, relaunched });
  return relaunched;
}
