import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultReportCeilings, type ReportCeilings } from '../../functions/src/contracts/events';
import { features, type Feature } from '../../functions/src/contracts/route';
import { routeList } from '../../functions/src/contracts/routes';
import { scheduledJobs } from '../../functions/src/shared/scheduled-jobs';
import { cognitoTriggers } from '../cognito-triggers';
import { jobs, type JobName } from '../jobs';
import { startCognitoLocal, startDynamoDbLocal, startS3Local, startSesLocal } from './emulators';
import { createGateway, type LambdaHandler } from './gateway';
import { loadJob, localJobArn } from './jobs-runtime';
import { createLambdaService, invokeContext, type InvokeHandler } from './lambda';
import { assertPortFree, freePort, LocalStackError, startProcess, type ManagedProcess } from './processes';
import { createSesEventsFront } from './ses-events';
import { nudgeOnWrites, nudgeOverLoopback } from './stream-nudge';
import { ensureBucket, ensureTable, ensureUserPool, localCredentials, localRegion } from './provision';
import { seedDemoEvents, seedDemoPeople, seedDemoSocial, seedRollout, seedTerritory } from './seed';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LocalPorts {
  /** The site and its API, on one origin (what CloudFront is in AWS). */
  site: number;
  /** The Next.js server behind the gateway. */
  web: number;
  dynamodb: number;
  cognito: number;
  ses: number;
  s3: number;
}

export const portVariables: Record<keyof LocalPorts, { env: string; fallback: number; what: string }> = {
  site: { env: 'COOPOL_PORT', fallback: 3000, what: 'site and API' },
  web: { env: 'COOPOL_WEB_PORT', fallback: 3001, what: 'Next.js server' },
  dynamodb: { env: 'COOPOL_DYNAMODB_PORT', fallback: 8000, what: 'DynamoDB Local' },
  cognito: { env: 'COOPOL_COGNITO_PORT', fallback: 9229, what: 'cognito-local' },
  ses: { env: 'COOPOL_SES_PORT', fallback: 8005, what: 'SES emulator' },
  s3: { env: 'COOPOL_S3_PORT', fallback: 4569, what: 'local S3' },
};

export interface LocalStackOptions {
  ports: LocalPorts;
  /** Where data persists between runs; absent: a temporary folder and DynamoDB in memory (tests). */
  dataDir?: string;
  /** Build (when sources changed) and serve the Next.js site. */
  web: boolean;
  /** Officials must turn on TOTP before using their powers (always in AWS; off by default for the local demo). */
  officialMfaRequired?: boolean;
  /** Stream consumers the worker leaves alone: a benchmark runs them in its own process instead. */
  workerSkips?: JobName[];
  /** The SES account's maximum send rate the emulator reports (default 200 mails/s). */
  sesMaxSendRate?: number;
  /** Origins link previews may read although they are not public addresses (the tests' fixture page on 127.0.0.1). */
  linkPreviewAllowedOrigins?: string[];
  /** The most one field report may give for each figure (default: the stages' default, infra/config.ts). */
  reportCeilings?: ReportCeilings;
  /** Reach above which a federation's or national message needs approval (default 500 here: the tests reach it). */
  mailingApprovalThreshold?: number;
  /** Minutes before an unread message is mailed to its offline reader (default 15, as in AWS). */
  messageMailDelayMinutes?: number;
  /** Megabytes a space's documents may take (the stage's `spaceDocumentQuotaMb`; 500 by default). */
  spaceDocumentQuotaMb?: number;
  /** Handler log level (Powertools): INFO for `npm start`, SILENT in tests. */
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /**
   * Seed the demo social network too (groups, friends, posts): `npm start` does; the tests do not, so
   * that what they assert of feeds, search and suggestions starts from an empty network.
   */
  demoSocial?: boolean;
  /** Called with a line of progress for the person waiting. */
  progress?: (line: string) => void;
}

export interface LocalStack {
  urls: { site: string; api: string; mailViewer: string; dynamodb: string; cognito: string; s3: string };
  /** Environment the handlers run with (also what a test needs to reach the emulators). */
  env: Record<string, string>;
  /** File holding the pid of the worker running the background jobs (tests kill it to test resumption). */
  workerPidFile: string;
  /** The emulators' and servers' processes, by name (benchmarks read their CPU time). */
  processIds(): Record<string, number>;
  stop(): Promise<void>;
}

const names = { table: 'coopol-local', userPool: 'coopol-local', bucket: 'coopol-local-files' };
const mail = { from: 'ne-pas-repondre@coopol.example', configurationSet: 'coopol-local' };

function newestMtime(dir: string, skip: Set<string>): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Next's build folder under web/ (`npm test` uses its own, see web/next.config.ts). */
const nextDistDir = () => process.env.COOPOL_NEXT_DIST_DIR ?? '.next';

/** The site needs a build when its sources or the shared contracts changed since the last one. */
function webBuildIsStale(): boolean {
  const buildId = path.join(repoRoot, 'web', nextDistDir(), 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const skip = new Set(['.next', '.next-test', '.open-next', 'node_modules']);
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'web'), skip),
    newestMtime(path.join(repoRoot, 'functions/src/contracts'), skip),
  );
  return sources > statSync(buildId).mtimeMs;
}

const nextBin = () => path.join(path.dirname(require.resolve('next/package.json')), 'dist/bin/next');

async function buildWeb(logDir: string, progress: (line: string) => void): Promise<void> {
  progress('Building the site (next build; about a minute the first time)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), 'build', 'web'], {
      cwd: repoRoot,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      reject(new LocalStackError(`The site did not build (next build exited with ${code}):\n${output.slice(-4000)}`));
    });
    child.on('error', reject);
  });
  void logDir;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const progress = options.progress ?? (() => undefined);
  const { ports } = options;
  const started: ManagedProcess[] = [];
  let gateway: http.Server | undefined;
  let lambdaService: http.Server | undefined;
  let sesFront: http.Server | undefined;
  let worker: ManagedProcess | undefined;
  let stopping = false;
  const tempDir = options.dataDir ? undefined : mkdtempSync(path.join(os.tmpdir(), 'coopol-stack-'));
  const dataDir = options.dataDir ?? tempDir!;
  const logDir = path.join(dataDir, 'logs');

  const closeServer = async (server: http.Server | undefined) => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
  };
  const stop = async () => {
    stopping = true;
    await closeServer(gateway);
    await worker?.stop();
    await closeServer(lambdaService);
    await closeServer(sesFront);
    await Promise.all(started.map((p) => p.stop()));
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    for (const [key, port] of Object.entries(ports) as [keyof LocalPorts, number][]) {
      if (key === 'web' && !options.web) continue;
      await assertPortFree(port, portVariables[key].what, portVariables[key].env);
    }

    // The Cognito triggers, as Lambda runs them: cognito-local invokes them here (a reset mail, a sign-up
    // straight to Cognito, which PreSignUp refuses). Modules load on first invoke, once the handlers'
    // environment below is set.
    lambdaService = createLambdaService({
      functions: Object.fromEntries(
        Object.entries(cognitoTriggers).map(([name, { entry }]) => [
          name,
          () => import(pathToFileURL(path.join(repoRoot, entry)).href).then((m: { handler: InvokeHandler }) => m.handler),
        ]),
      ),
    });
    const lambdaPort = await new Promise<number>((resolve, reject) => {
      lambdaService!.once('error', reject);
      lambdaService!.listen(0, '127.0.0.1', () => resolve((lambdaService!.address() as AddressInfo).port));
    });

    progress('Starting DynamoDB Local, cognito-local, the SES emulator and the local S3…');
    const emulators = await Promise.allSettled([
      startDynamoDbLocal({ port: ports.dynamodb, logDir, dataDir: options.dataDir ? path.join(dataDir, 'dynamodb') : undefined }),
      startCognitoLocal({
        port: ports.cognito,
        logDir,
        dataDir: path.join(dataDir, 'cognito'),
        // Function names are the trigger names, so refusals read as in AWS: "PreSignUp failed with error …".
        lambda: {
          endpoint: `http://127.0.0.1:${lambdaPort}`,
          triggerFunctions: Object.fromEntries(Object.keys(cognitoTriggers).map((name) => [name, name])),
        },
        mail: { sesEndpoint: `http://127.0.0.1:${ports.ses}`, ...mail },
        credentials: localCredentials,
        region: localRegion,
      }),
      startSesLocal({ port: ports.ses, logDir, maxSendRate: options.sesMaxSendRate }),
      startS3Local({ port: ports.s3, logDir, dataDir: path.join(dataDir, 's3') }),
    ]);
    for (const result of emulators) if (result.status === 'fulfilled') started.push(result.value);
    const failed = emulators.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;

    const endpoints = {
      dynamodb: `http://127.0.0.1:${ports.dynamodb}`,
      cognito: `http://127.0.0.1:${ports.cognito}`,
      ses: `http://127.0.0.1:${ports.ses}`,
      s3: `http://127.0.0.1:${ports.s3}`,
    };

    progress('Creating the table, user pool and bucket if absent…');
    const [streamArn, pool] = await Promise.all([
      ensureTable(endpoints.dynamodb, names.table),
      ensureUserPool(endpoints.cognito, names.userPool),
      ensureBucket(endpoints.s3, names.bucket),
    ]);

    // The handlers reach SES through the stand-in for its event publishing (bounces, complaints).
    sesFront = createSesEventsFront({
      target: endpoints.ses,
      publish: async (event) => {
        const handler = await loadJob('mail-feedback');
        await handler(event, invokeContext('mail-feedback', randomUUID(), jobs['mail-feedback'].timeoutSeconds * 1000));
      },
      log: (line) => progress(`[ses events] ${line}`),
    });
    const sesApi = await new Promise<string>((resolve, reject) => {
      sesFront!.once('error', reject);
      sesFront!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(sesFront!.address() as AddressInfo).port}`));
    });
    const schedulerPort = await freePort();

    const viewerKey = randomBytes(32).toString('base64url');
    // The same variables CDK gives the functions, plus the endpoints of the emulators.
    const env: Record<string, string> = {
      AWS_REGION: localRegion,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      TABLE_NAME: names.table,
      DYNAMODB_ENDPOINT: endpoints.dynamodb,
      USER_POOL_ID: pool.userPoolId,
      USER_POOL_CLIENT_ID: pool.userPoolClientId,
      COGNITO_ENDPOINT: endpoints.cognito,
      MAIL_FROM: mail.from,
      MAIL_CONFIGURATION_SET: mail.configurationSet,
      SES_ENDPOINT: sesApi,
      SCHEDULER_ENDPOINT: `http://127.0.0.1:${schedulerPort}`,
      SCHEDULE_GROUP: 'coopol-local',
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/coopol-local-scheduler',
      SCHEDULED_JOB_ARNS: JSON.stringify(Object.fromEntries(scheduledJobs.map((job) => [job, localJobArn(job)]))),
      FILES_BUCKET: names.bucket,
      S3_ENDPOINT: endpoints.s3,
      OFFICIAL_MFA_REQUIRED: String(options.officialMfaRequired ?? false),
      SITE_URL: `http://127.0.0.1:${ports.site}`,
      // The live channel: the WebSocket API and its management API, both served by the local gateway.
      REALTIME_URL: `ws://127.0.0.1:${ports.site}/ws`,
      REALTIME_ENDPOINT: `http://127.0.0.1:${ports.site}`,
      REPORT_CEILINGS: JSON.stringify(options.reportCeilings ?? defaultReportCeilings),
      MAILING_APPROVAL_THRESHOLD: String(options.mailingApprovalThreshold ?? 500),
      MESSAGE_MAIL_DELAY_MINUTES: String(options.messageMailDelayMinutes ?? 15),
      SPACE_DOCUMENT_QUOTA_MB: String(options.spaceDocumentQuotaMb ?? 500),
      // SES's Send event comes within the second here (infra/local/ses-events.ts).
      MAIL_LEASE_SECONDS: '5',
      // A task untouched this long may be relaunched by an admin (AWS: 16 minutes, above Lambda's timeout).
      WAVE_STALL_SECONDS: '10',
      ...(options.linkPreviewAllowedOrigins?.length ? { LINK_PREVIEW_ALLOWED_ORIGINS: options.linkPreviewAllowedOrigins.join(',') } : {}),
      // The site signs the browser's address with it for the API (functions/src/http/kit/client-of-event.ts).
      COOPOL_VIEWER_KEY: viewerKey,
      POWERTOOLS_LOG_LEVEL: options.logLevel,
      POWERTOOLS_DEV: 'true',
    };
    Object.assign(process.env, env);

    // The background jobs run in a process of their own, started again if it dies (as Lambda would
    // run the same event again in a new container).
    const workerStateDir = path.join(dataDir, 'worker');
    mkdirSync(workerStateDir, { recursive: true });
    const startWorker = async () => {
      worker = await startProcess({
        name: 'worker',
        command: process.execPath,
        args: ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./worker.ts', import.meta.url))],
        cwd: repoRoot,
        env: {
          WORKER_STATE_DIR: workerStateDir,
          WORKER_SCHEDULER_PORT: String(schedulerPort),
          WORKER_STREAM_ARN: streamArn,
          WORKER_SKIP_JOBS: (options.workerSkips ?? []).join(','),
        },
        port: schedulerPort,
        logDir,
      });
      worker.child.once('exit', () => {
        if (stopping) return;
        progress('The worker stopped; starting it again…');
        setTimeout(() => void startWorker().catch((error: unknown) => progress(`The worker could not start again: ${String(error)}`)), 500);
      });
    };
    await startWorker();
    // The handlers' writes (gateway, Cognito triggers, SES events: all in this process) nudge the worker's stream poller.
    const { dynamodb: handlersClient } = await import('../../functions/src/shared/dynamodb');
    nudgeOnWrites(handlersClient, nudgeOverLoopback(schedulerPort));

    progress('Loading the reference geography and the demo data…');
    await seedTerritory();
    await seedRollout();
    await seedDemoPeople();
    await seedDemoEvents();
    if (options.demoSocial) await seedDemoSocial();

    const siteOrigin = `http://127.0.0.1:${ports.site}`;
    let webOrigin: string | undefined;
    if (options.web) {
      if (webBuildIsStale()) await buildWeb(logDir, progress);
      progress('Starting the site…');
      started.push(
        await startProcess({
          name: 'next',
          command: process.execPath,
          args: [nextBin(), 'start', 'web', '-p', String(ports.web), '-H', '127.0.0.1'],
          cwd: repoRoot,
          env: { NEXT_TELEMETRY_DISABLED: '1', COOPOL_API_ORIGIN: siteOrigin, COOPOL_FILES_ORIGIN: `http://127.0.0.1:${ports.s3}`, COOPOL_VIEWER_KEY: viewerKey },
          port: ports.web,
          logDir,
          timeoutMs: 60_000,
        }),
      );
      webOrigin = `http://127.0.0.1:${ports.web}`;
    }

    const handlers = new Map<Feature, Promise<LambdaHandler>>();
    const loadHandler = (feature: Feature) => {
      if (!features.includes(feature)) throw new Error(`unknown feature ${feature}`);
      if (!handlers.has(feature)) {
        const entry = pathToFileURL(path.join(repoRoot, 'functions/src/http', `${feature}.ts`)).href;
        handlers.set(feature, import(entry).then((m: { handler: LambdaHandler }) => m.handler));
      }
      return handlers.get(feature)!;
    };
    gateway = createGateway({
      routes: routeList,
      loadHandler,
      jwt: {
        issuer: `${endpoints.cognito}/${pool.userPoolId}`,
        audience: [pool.userPoolClientId],
        jwksUrl: `${endpoints.cognito}/${pool.userPoolId}/.well-known/jwks.json`,
      },
      webOrigin,
      realtime: {
        accessKeyId: localCredentials.accessKeyId,
        load: async () => ({
          authorizer: (await import('../../functions/src/realtime/authorizer')).handler as never,
          connections: (await import('../../functions/src/realtime/connections')).handler as never,
        }),
      },
    });
    await new Promise<void>((resolve, reject) => {
      gateway!.once('error', reject);
      gateway!.listen(ports.site, '127.0.0.1', () => resolve());
    });

    return {
      urls: {
        site: siteOrigin,
        api: `${siteOrigin}/api`,
        mailViewer: `${endpoints.ses}/`,
        dynamodb: endpoints.dynamodb,
        cognito: endpoints.cognito,
        s3: endpoints.s3,
      },
      env,
      workerPidFile: path.join(workerStateDir, 'worker.pid'),
      processIds: () => Object.fromEntries([...started, ...(worker ? [worker] : [])].map((p) => [p.name, p.child.pid!])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
