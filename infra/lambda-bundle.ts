import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { lambdaBundling, shippedAliases } from './constructs/coopol-function';
import { fromRepoRoot } from './paths';
import { defaultReportCeilings } from '../functions/src/contracts/events';
import { scheduledJobs } from '../functions/src/shared/scheduled-jobs';

/**
 * What CDK's NodejsFunction does with `lambdaBundling`, as esbuild options: for the checks and
 * benchmarks that bundle a function exactly as it ships (tests/infra/lambda-bundles.test.ts,
 * bench/lambda-budgets.ts).
 */
export const shippedBundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: lambdaBundling.target,
  mainFields: lambdaBundling.mainFields,
  minify: lambdaBundling.minify,
  banner: { js: lambdaBundling.banner },
  external: lambdaBundling.externalModules,
  alias: shippedAliases,
  logLevel: 'error',
};

/** Configuration a function parses at load; placeholders, since loading calls nothing. */
export const placeholderLambdaEnv: Record<string, string> = {
  AWS_REGION: 'eu-west-3',
  TABLE_NAME: 'placeholder',
  USER_POOL_ID: 'eu-west-3_placeholder',
  USER_POOL_CLIENT_ID: 'placeholder',
  MAIL_FROM: 'placeholder@coopol.example',
  MAIL_CONFIGURATION_SET: 'placeholder',
  FILES_BUCKET: 'placeholder',
  OFFICIAL_MFA_REQUIRED: 'true',
  SITE_URL: 'https://coopol.example',
  REPORT_CEILINGS: JSON.stringify(defaultReportCeilings),
  MAILING_APPROVAL_THRESHOLD: '5000',
  SCHEDULE_GROUP: 'placeholder',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/placeholder',
  SCHEDULED_JOB_ARNS: JSON.stringify(Object.fromEntries(scheduledJobs.map((job) => [job, 'arn:aws:lambda:eu-west-3:000000000000:function:placeholder']))),
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/** The environment to load a bundle with: the placeholders and PATH, nothing of this machine's. */
export function lambdaLoadEnv(): NodeJS.ProcessEnv {
  // Next's types make NODE_ENV required on every environment; a Lambda function's has none.
  return { ...placeholderLambdaEnv, PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv;
}

/**
 * A folder laid out like the Lambda runtime: outside the repository, its node_modules holding only
 * the AWS SDK clients (linked; their own dependencies resolve from where they really are).
 */
export function makeLambdaRuntimeDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coopol-lambda-runtime-'));
  const sdk = path.join(dir, 'node_modules/@aws-sdk');
  mkdirSync(sdk, { recursive: true });
  const installed = fromRepoRoot('node_modules/@aws-sdk');
  for (const name of readdirSync(installed).filter((n) => n.startsWith('client-'))) symlinkSync(path.join(installed, name), path.join(sdk, name));
  return dir;
}
