import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { App, Stack } from 'aws-cdk-lib';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { features, type Feature } from '../../functions/src/contracts/route';
import { routeList } from '../../functions/src/contracts/routes';
import { cognitoTriggerNames, cognitoTriggers } from '../../infra/cognito-triggers';
import { CoopolFunction, preloadedAtInit, type CoopolResources } from '../../infra/constructs/coopol-function';
import { featureAccess } from '../../infra/feature-access';
import { jobNames, jobs } from '../../infra/jobs';
import { bundleAsShipped, lambdaLoadEnv, makeLambdaRuntimeDir, probeSource, sampleRequest } from '../../infra/lambda-bundle';
import { repoRoot } from '../../infra/local/stack';
import { testStack } from '../support/stack';

// Every Lambda bundled exactly as CDK bundles it, then loaded the way the Lambda runtime loads it:
// from a folder whose node_modules holds only the AWS SDK clients. A module the bundle leaves for
// run time (e.g. a `require` made through createRequire, which esbuild does not bundle) fails here
// instead of at the first cold start in AWS. The API's features ship split (ADR 0008): what init
// loads stays within 250 KB, what the first request has loaded within 500 KB, and one request goes
// through each feature's handler — to DynamoDB Local and the other emulators of the tests' stack —
// so a chunk imported on first request that fails to load or run fails here too.
const INIT_BUDGET_BYTES = 250 * 1024;
// 550 KB, not the architecture's 500, while issue 22 is open: two features (events 501, privacy 543
// KB) load more on their first request since the mailings, the DPO's desk and the one mail-preference
// model came in; init itself is 1–2 KB. ADR 0008 says why the ceiling moved and what brings it back
// (entities and schemas per route).
const LOADED_BUDGET_BYTES = 550 * 1024;

const stack = testStack();
let runtimeDir: string;
before(() => {
  runtimeDir = makeLambdaRuntimeDir();
});
after(() => rmSync(runtimeDir, { recursive: true, force: true }));

/** Runs a probe (lambda-bundle.ts probeSource) in a fresh Node, from the runtime-like folder. */
function runProbe(name: string, source: string, env: NodeJS.ProcessEnv) {
  const probe = path.join(runtimeDir, `${name}.probe.mjs`);
  writeFileSync(probe, source);
  const run = spawnSync(process.execPath, [probe], { cwd: runtimeDir, env, encoding: 'utf8' });
  const cause = run.stderr.split('\n').find((line) => /Error/.test(line)) ?? run.stderr.trim();
  assert.equal(run.status, 0, `${name} does not load: ${cause}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { status: number | null; body: string | null };
}

/**
 * The request each feature's handler gets: its first GET route without path parameters, else its
 * first route with sample parameters, from a signed-in person the table does not know. Not every
 * answer needs the table (GET /api/me answers from the token, a missing body is a 400): the kit
 * answers either way, after importing everything the feature's routes need.
 */
function firstRequestOf(feature: Feature) {
  const own = routeList.filter((route) => route.feature === feature);
  const route = own.find((r) => r.method === 'GET' && !r.params) ?? own[0]!;
  const pathParameters = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === 'postalCode' ? '75011' : 'abcdefghijklmnopqrstuv']));
  return { route, request: sampleRequest(route, { pathParameters, sub: route.auth === 'jwt' ? randomUUID() : undefined }) };
}

for (const feature of features) {
  test(`${feature}: init within 250 KB with only the runtime's SDK clients beside it, and its first request answered`, async () => {
    const outdir = path.join(runtimeDir, feature);
    const bundle = await bundleAsShipped(path.join(repoRoot, 'functions/src/http', `${feature}.ts`), outdir, { preload: preloadedAtInit(featureAccess[feature]) });
    assert.ok(bundle.initBytes <= INIT_BUDGET_BYTES, `${feature}: init loads ${Math.round(bundle.initBytes / 1024)} KB`);
    assert.ok(bundle.firstRequestBytes <= LOADED_BUDGET_BYTES, `${feature}: the first request loads ${Math.round(bundle.firstRequestBytes / 1024)} KB`);
    // Init imports no zod, ElectroDB or contract: only the lazy wrapper (and DynamoDB's client, from the runtime).
    assert.deepEqual(bundle.clients.atInit, featureAccess[feature].table ? ['dynamodb'] : []);

    const { route, request } = firstRequestOf(feature);
    // The stack's endpoints and names over the placeholders: the request reaches the emulators.
    const answer = runProbe(feature, probeSource(bundle.index, request), { ...lambdaLoadEnv(), ...stack.env, POWERTOOLS_LOG_LEVEL: 'SILENT' });
    assert.ok(answer.status !== null && answer.status < 500, `${feature}: ${route.method} ${route.path} answered ${answer.status} ${answer.body?.slice(0, 300)}`);
  });
}

const others = [
  ...cognitoTriggerNames.map((trigger) => ({ name: trigger, entry: path.join(repoRoot, cognitoTriggers[trigger].entry) })),
  ...jobNames.map((job) => ({ name: job, entry: path.join(repoRoot, jobs[job].entry) })),
  // The live channel's $connect authorizer and routes (infra/stacks/realtime-stack.ts).
  ...['authorizer', 'connections'].map((name) => ({ name: `realtime-${name}`, entry: path.join(repoRoot, 'functions/src/realtime', `${name}.ts`) })),
];
for (const { name, entry } of others) {
  test(`${name}: loads with only the runtime's SDK clients beside it, within 500 KB`, async () => {
    const bundle = await bundleAsShipped(entry, path.join(runtimeDir, name));
    assert.ok(bundle.initBytes <= LOADED_BUDGET_BYTES, `${name}: ${Math.round(bundle.initBytes / 1024)} KB`);
    runProbe(name, probeSource(bundle.index), lambdaLoadEnv());
  });
}

test("a lazy function's CDK asset is its split bundle: index.mjs and the chunks it imports on first request", () => {
  // Bundled for real (the stage tests skip bundling): what `cdk deploy` uploads is what is tested above.
  const app = new App({ outdir: path.join(runtimeDir, 'cdk.out') });
  const stack = new Stack(app, 'LazyBundle');
  // No access: this checks the asset's layout, not a feature's configuration.
  new CoopolFunction(stack, 'Search', {
    entry: path.join(repoRoot, 'functions/src/http/search.ts'),
    resources: { logRetentionDays: 1 } as CoopolResources,
    synchronous: 'a bundling check, never deployed',
    lazy: true,
  });
  app.synth();
  const asset = stack.node.findAll().find((c): c is Asset => c instanceof Asset)!;
  const dir = path.resolve(app.outdir, asset.assetPath);
  const scripts = readdirSync(dir).filter((file) => file.endsWith('.mjs'));
  assert.ok(scripts.includes('index.mjs'), `no index.mjs in ${scripts.join(', ')}`);
  assert.ok(scripts.some((file) => file.startsWith('search-')), `no chunk of the feature in ${scripts.join(', ')}`);
  assert.ok(readdirSync(dir).includes('index.mjs.map'), 'source maps ship beside the chunks');
  runProbe('asset', probeSource(path.join(dir, 'index.mjs')), lambdaLoadEnv());
});
