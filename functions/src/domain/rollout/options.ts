import * as z from 'zod';
import { readConfig } from '../../shared/config';

const config = readConfig({
  /**
   * A sending task not done and untouched this long has stalled (its stream record was dropped after
   * its retries — in AWS it went to the failure queue): an admin may relaunch it. Above Lambda's
   * 15-minute timeout, so a task still being worked on is never relaunched beside itself.
   */
  WAVE_STALL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(960),
  /** A cap below SES's maximum send rate, if the party wants one (e.g. to spread sign-ups). */
  WAVE_MAX_SEND_RATE: z.coerce.number().int().positive().optional(),
});

export const waveOptions = { stallSeconds: config.WAVE_STALL_SECONDS, maxSendRate: config.WAVE_MAX_SEND_RATE };
