import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { features, type Feature } from '../functions/src/contracts/route';
import { routeList } from '../functions/src/contracts/routes';
import { preloadedAtInit } from '../infra/constructs/coopol-function';
import { featureAccess } from '../infra/feature-access';
import { bundleAsShipped, lambdaLoadEnv, makeLambdaRuntimeDir, probeSource, sampleRequest, shippedBundleOptions } from '../infra/lambda-bundle';
import { repoRoot } from '../infra/local/stack';

/**
 * Issue 22, goal 1 (ADR 0008): each feature's cold start within 1.5× the floor — a bundle that only
 * creates a bare DynamoDBClient, built and loaded in the same run, interleaved with the feature so
 * both see the same machine — and what init loads within 250 KB. Every feature is bundled as CDK
 * ships it (split: init chunk, then the feature's module on first request), loaded in a fresh Node
 * from a folder laid out like the Lambda runtime, and sent one request answered without the network;
 * the first request's cost is the part moved off init. The whole feature in one bundle, as it
 * shipped before, is loaded in the same rounds for comparison.
 */
const INIT_RATIO_GOAL = 1.5;
const INIT_KB_GOAL = 250;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const outDir = makeLambdaRuntimeDir();
const env = lambdaLoadEnv();

/** A request the kit answers without the network: no token on a jwt route, else a malformed path parameter (platform: its OpenAPI document). */
function requestOf(feature: Feature) {
  const own = routeList.filter((route) => route.feature === feature);
  const jwt = own.find((route) => route.auth === 'jwt');
  if (jwt) return { route: jwt, request: sampleRequest(jwt) };
  const withParameter = own.find((route) => route.params);
  if (withParameter) {
    const pathParameters = Object.fromEntries([...withParameter.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, '!']));
    return { route: withParameter, request: sampleRequest(withParameter, { pathParameters }) };
  }
  const route = own.find((r) => r.path === '/api/openapi.json') ?? own[0]!;
  return { route, request: sampleRequest(route) };
}

function probe(name: string, source: string) {
  const file = path.join(outDir, `${name}.probe.mjs`);
  writeFileSync(file, source);
  return file;
}
function run(file: string): { initMs: number; requestMs: number | null; status: number | null } {
  const result = spawnSync(process.execPath, [file], { env, encoding: 'utf8', cwd: outDir });
  if (result.status !== 0) throw new Error(`${file} failed: ${result.stderr.trim().split('\n').filter((l) => /Error/.test(l)).slice(0, 3).join(' | ').slice(0, 500)}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The floor: the runtime's DynamoDB client, created bare, bundled with the same options.
const floorSource = path.join(outDir, 'floor.mjs');
writeFileSync(floorSource, "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const handler = async () => ({ statusCode: 200 });\nexport const client = new DynamoDBClient({});\n");
await build({ ...shippedBundleOptions, entryPoints: [floorSource], outfile: path.join(outDir, 'floor', 'index.mjs') });
const floorProbe = probe('floor', probeSource(path.join(outDir, 'floor', 'index.mjs')));

const rows = [];
for (const feature of features) {
  const entry = path.join(repoRoot, 'functions/src/http', `${feature}.ts`);
  const shipped = await bundleAsShipped(entry, path.join(outDir, feature), { preload: preloadedAtInit(featureAccess[feature]) });
  const whole = await bundleAsShipped(entry, path.join(outDir, `${feature}-whole`));
  const { route, request } = requestOf(feature);
  const shippedProbe = probe(feature, probeSource(shipped.index, request));
  const wholeProbe = probe(`${feature}-whole`, probeSource(whole.index));
  const floor: number[] = [];
  const init: number[] = [];
  const firstRequest: number[] = [];
  const before: number[] = [];
  const statuses = new Set<number | null>();
  for (let i = 0; i < RUNS; i += 1) {
    floor.push(run(floorProbe).initMs);
    const sample = run(shippedProbe);
    init.push(sample.initMs);
    firstRequest.push(sample.requestMs!);
    statuses.add(sample.status);
    before.push(run(wholeProbe).initMs);
  }
  const ratio = median(init) / median(floor);
  const initKb = shipped.initBytes / 1024;
  const loadedKb = shipped.firstRequestBytes / 1024;
  rows.push({
    feature,
    floorMs: median(floor),
    initMs: median(init),
    ratio,
    initKb,
    firstMs: median(firstRequest),
    loadedKb,
    beforeMs: median(before),
    beforeRatio: median(before) / median(floor),
    route: `${route.method} ${route.path} → ${[...statuses].join('/')}`,
    clients: shipped.clients,
    over: [ratio > INIT_RATIO_GOAL && 'init ms', initKb > INIT_KB_GOAL && 'init KB', loadedKb > INIT_KB_GOAL && 'loaded KB'].filter(Boolean),
  });
}
rmSync(outDir, { recursive: true, force: true });

const pad = (value: string | number, width: number) => String(value).padStart(width);
console.log(`Lambda init (issue 22 goal 1): median of ${RUNS} fresh Node processes per feature, interleaved with the floor (a bare DynamoDBClient bundle)`);
console.log(`goals: init ≤ ${INIT_RATIO_GOAL}× the floor · init KB ≤ ${INIT_KB_GOAL} KB · KB loaded by the first request ≤ ${INIT_KB_GOAL} KB`);
console.log('feature      floor ms  init ms  ratio (≤ 1.5×)  init KB (≤ 250)  1st request ms  loaded KB (≤ 250)  | before: init ms  ratio         first request sent · SDK clients at init · with 1st request · on use');
for (const r of rows) {
  console.log(
    `${r.feature.padEnd(11)} ${pad(r.floorMs.toFixed(0), 9)} ${pad(r.initMs.toFixed(0), 8)} ${pad(`${r.ratio.toFixed(2)}×`, 15)} ${pad(r.initKb.toFixed(1), 16)} ${pad(r.firstMs.toFixed(0), 15)} ${pad(r.loadedKb.toFixed(0), 18)}  | ${pad(r.beforeMs.toFixed(0), 15)} ${pad(`${r.beforeRatio.toFixed(2)}×`, 6)}  ${(r.over.length ? `OVER (${r.over.join(', ')})` : 'ok').padEnd(5)} ${r.route} · ${r.clients.atInit.join(', ') || '-'} · ${r.clients.firstRequest.join(', ') || '-'} · ${r.clients.onUse.join(', ') || '-'}`,
  );
}
process.exitCode = rows.every((r) => !r.over.length) ? 0 : 1;
