import { Logger } from '@aws-lambda-powertools/logger';

/** One logger per container; level from POWERTOOLS_LOG_LEVEL (the local test stack sets it to SILENT). */
export const logger = new Logger({ serviceName: 'coopol' });
