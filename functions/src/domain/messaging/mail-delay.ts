import * as z from 'zod';
import { readConfig } from '../../shared/config';

const config = readConfig({
  /** The stage's `messageMailDelayMinutes` (infra/config.ts): 15 unless configured. */
  MESSAGE_MAIL_DELAY_MINUTES: z.coerce.number().int().min(1).max(1_440).default(15),
});

/** How long a message stays unread, its reader away, before it is mailed to them (ADR 0029). */
export const messageMailDelayMs = (): number => config.MESSAGE_MAIL_DELAY_MINUTES * 60_000;
