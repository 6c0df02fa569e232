import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { lazyBuildOptions, shippedBuildOptions } from './constructs/coopol-function';
import { fromRepoRoot } from './paths';
import { defaultReportCeilings } from '../functions/src/contracts/events';
import { scheduledJobs } from '../functions/src/shared/scheduled-jobs';

/**
 * What CDK's NodejsFunction does with `lambdaBundling`, as esbuild options: for the checks and
 * benchmarks that bundle a function exactly as it ships (tests/infra/lambda-bundles.test.ts,
 * bench/lambda-budgets.ts). The API's features ship split instead (`lazyBuildOptions`).
 */
export const shippedBundleOptions: BuildOptions = shippedBuildOptions;

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
  MESSAGE_MAIL_DELAY_MINUTES: '15',
  SPACE_DOCUMENT_QUOTA_MB: '500',
  REALTIME_URL: 'wss://realtime.coopol.example/live',
  REALTIME_ENDPOINT: 'https://realtime.coopol.example/live',
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

/** A function bundled as it ships, in a folder of its own: its handler is `index.mjs`'s. */
export interface ShippedBundle {
  index: string;
  /** What a cold start loads: the init chunk and the chunks it imports statically. */
  initBytes: number;
  /** What the first request has loaded once the entry's module is in: init plus the feature's chunks. */
  firstRequestBytes: number;
  /** The runtime's SDK clients loaded at init, with the first request, and later on use. */
  clients: { atInit: string[]; firstRequest: string[]; onUse: string[] };
}

/**
 * Bundles `entry` into `outdir` as CDK does: split with `lazyBuildOptions` for a lazy function
 * (the API's features), one file with `shippedBundleOptions` otherwise.
 */
export async function bundleAsShipped(entry: string, outdir: string, lazy?: { preload: string[] }): Promise<ShippedBundle> {
  const index = path.join(outdir, 'index.mjs');
  const { metafile } = lazy
    ? await build(lazyBuildOptions(entry, outdir, lazy.preload))
    : await build({ ...shippedBundleOptions, entryPoints: [entry], outfile: index, metafile: true });
  return { index, ...loadedParts(metafile!, index) };
}

function loadedParts(metafile: Metafile, index: string): Omit<ShippedBundle, 'index'> {
  const outputs = new Map(Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.mjs')).map(([file, out]) => [path.resolve(file), out]));
  const importsOf = (file: string, kind: string) =>
    outputs.get(file)!.imports.filter((i) => i.kind === kind && !i.external).map((i) => path.resolve(i.path)).filter((f) => outputs.has(f));
  // The chunks loaded once `start` is: their static imports, transitively.
  const closure = (start: string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      importsOf(file, 'import-statement').forEach(visit);
    };
    start.forEach(visit);
    return seen;
  };
  const init = closure([index]);
  const firstRequest = closure([...init, ...importsOf(index, 'dynamic-import')]);
  const bytes = (files: Set<string>) => [...files].reduce((sum, file) => sum + outputs.get(file)!.bytes, 0);
  const clients = (files: Set<string>, kind: string) =>
    new Set([...files].flatMap((file) => outputs.get(file)!.imports.filter((i) => i.external && i.kind === kind && i.path.startsWith('@aws-sdk/client-')).map((i) => i.path.replace('@aws-sdk/client-', ''))));
  const atInit = clients(init, 'import-statement');
  const withFirst = clients(firstRequest, 'import-statement');
  const everywhere = new Set(outputs.keys());
  const onUse = new Set([...clients(everywhere, 'dynamic-import'), ...clients(everywhere, 'import-statement')]);
  return {
    initBytes: bytes(init),
    firstRequestBytes: bytes(firstRequest),
    clients: {
      atInit: [...atInit].sort(),
      firstRequest: [...withFirst].filter((c) => !atInit.has(c)).sort(),
      onUse: [...onUse].filter((c) => !withFirst.has(c)).sort(),
    },
  };
}

/**
 * A script that imports a bundle as the Lambda runtime does, then (given a request) calls its
 * handler once; it prints `{ initMs, requestMs, status, body }` as its last line.
 */
export function probeSource(index: string, request?: APIGatewayProxyEventV2WithJWTAuthorizer): string {
  return `const started = performance.now();
const { handler } = await import(${JSON.stringify(index)});
const initMs = performance.now() - started;
if (typeof handler !== 'function') throw new Error('no handler');
const request = ${JSON.stringify(request ?? null)};
let answer = null, requestMs = null;
if (request) {
  const context = { functionName: 'probe', awsRequestId: request.requestContext.requestId, getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false };
  const sent = performance.now();
  answer = await handler(request, context);
  requestMs = performance.now() - sent;
}
console.log(JSON.stringify({ initMs, requestMs, status: answer?.statusCode ?? null, body: answer?.body ?? null }));
`;
}

/**
 * An API Gateway (HTTP API, payload 2.0) request for a route, as the local gateway builds it:
 * anonymous, or from the signed-in user `sub` (the authorizer's claims).
 */
export function sampleRequest(
  route: { method: string; path: string },
  options: { pathParameters?: Record<string, string>; sub?: string; body?: string } = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const parameters = options.pathParameters ?? {};
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? name));
  const now = Math.floor(Date.now() / 1000);
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: '',
    headers: { host: 'coopol.example', 'user-agent': 'probe', ...(options.body !== undefined && { 'content-type': 'application/json' }) },
    pathParameters: Object.keys(parameters).length ? parameters : undefined,
    body: options.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'probe',
      domainName: 'coopol.example',
      domainPrefix: 'coopol',
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'probe' },
      requestId: `probe-${now}`,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: options.sub
        ? { principalId: '', integrationLatency: 0, jwt: { claims: { sub: options.sub, auth_time: String(now), origin_jti: `jti-${options.sub}` }, scopes: [] } }
        : (undefined as never),
    },
  };
}
