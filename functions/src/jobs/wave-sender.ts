import { runWaveTask } from '../domain/rollout/sender';
import { streamJob } from './kit/stream-job';

/**
 * The table stream, filtered to created wave tasks (infra/jobs.ts): sends that task's mails. A
 * failure or a timeout makes the stream deliver the task again; the sender resumes (ADR 0009).
 */
export const handler = streamJob<{ waveId: string; federationCode: string; seq: number }>(async ({ after: task }, context) => {
  await runWaveTask({ waveId: task!.waveId, federationCode: task!.federationCode, seq: task!.seq }, () => context.getRemainingTimeInMillis());
});
