import { SweepTaskEntity } from '../domain/privacy/entities';
import { runErasure } from '../domain/privacy/erasure-sweep';
import { runExport } from '../domain/privacy/export-archive';
import type { SweepTask } from '../domain/privacy/sweep';
import { streamJob } from './kit/stream-job';

/** A sweep task inserted (an erasure, or the next share of one handed over): its run over the table. */
export const handler = streamJob<SweepTask>(async ({ after: inserted }, context) => {
  if (!inserted) return;
  const { data: task } = await SweepTaskEntity.get({ sweepId: inserted.sweepId, seq: inserted.seq }).go({ consistent: true });
  if (!task) return;
  const remainingMs = () => context.getRemainingTimeInMillis();
  if (task.kind === 'erasure') await runErasure(task, remainingMs);
  else await runExport(task, remainingMs);
});
