import * as z from 'zod';
import { readConfig } from '../../shared/config';
import type { PolicyOptions } from './policy';

const config = readConfig({
  /** `true` in AWS; the local demo may turn it off so demo officials need no authenticator app. */
  OFFICIAL_MFA_REQUIRED: z.enum(['true', 'false']),
});

export const policyOptions: PolicyOptions = { officialMfaRequired: config.OFFICIAL_MFA_REQUIRED === 'true' };
