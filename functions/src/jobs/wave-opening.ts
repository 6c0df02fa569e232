import * as z from 'zod';
import { openWave } from '../domain/rollout/opening';
import { logger } from '../shared/logger';

const Input = z.object({ waveId: z.string().min(1) });

/** EventBridge Scheduler, at a deployed wave's opening date (the schedule's input is `{ waveId }`). */
export const handler = async (event: unknown): Promise<void> => {
  const { waveId } = Input.parse(event);
  await openWave(waveId);
  logger.info('wave opened', { waveId });
};
