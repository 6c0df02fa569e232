import type { routes } from '@coopol/contracts';
import type { ApiResult } from '../../lib/api';

/** The rollout answers as the site uses them (the API's contracts, parsed). */
export type RolloutNumbers = ApiResult<typeof routes.rolloutNumbers>;
export type Wave = ApiResult<typeof routes.getWave>;
export type WaveStatus = Wave['status'];
export type WaveProgress = Wave['progress'];
