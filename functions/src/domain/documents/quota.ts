import * as z from 'zod';
import { readConfig } from '../../shared/config';

const config = readConfig({
  /** The stage's `spaceDocumentQuotaMb` (infra/config.ts): 500 unless configured. */
  SPACE_DOCUMENT_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(500),
});

/** The most a space's documents may take, in bytes. */
export const spaceDocumentQuotaBytes = (): number => config.SPACE_DOCUMENT_QUOTA_MB * 1024 * 1024;
