import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { after, test } from 'node:test';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { readOpenNextOutput } from '../../infra/constructs/web/open-next-output';
import { CoopolSetupError } from '../../infra/errors';
import { fromRepoRoot } from '../../infra/paths';
import { writePrecompressedScripts } from '../../infra/web/brotli-scripts';
import { synthesizeStage } from './stage-fixture';

const stage = synthesizeStage();

const scratch = mkdtempSync(path.join(tmpdir(), 'coopol-web-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const template = stage.template('web');
const apiLogicalId = Stack.of(stage.stacks.api).getLogicalId(stage.stacks.api.httpApi.node.defaultChild as CfnApi);

// AWS managed policies, by their fixed ids.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface Origin {
  Id: string;
  DomainName: unknown;
  OriginPath?: string;
  S3OriginConfig?: unknown;
  OriginAccessControlId?: unknown;
}
interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  CachePolicyId: unknown;
  OriginRequestPolicyId?: unknown;
}
interface DistributionConfig {
  Origins: Origin[];
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
}

const distribution = (() => {
  const resources = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  assert.equal(resources.length, 1);
  return (resources[0] as { Properties: { DistributionConfig: DistributionConfig } }).Properties.DistributionConfig;
})();
const originOf = (behavior: Behavior) => distribution.Origins.find((origin) => origin.Id === behavior.TargetOriginId)!;
const behaviorFor = (pattern: string) => {
  const behavior = distribution.CacheBehaviors.find((b) => b.PathPattern === pattern);
  assert.ok(behavior, `a behavior for ${pattern}`);
  return behavior;
};

test('/api/* goes first, to the HTTP API: every method, no caching, every viewer header but Host', () => {
  const api = distribution.CacheBehaviors[0]!;
  assert.equal(api.PathPattern, '/api/*');
  assert.deepEqual([...api.AllowedMethods].sort(), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
  assert.equal(api.CachePolicyId, CACHING_DISABLED);
  assert.equal(api.OriginRequestPolicyId, ALL_VIEWER_EXCEPT_HOST_HEADER);
  const origin = JSON.stringify(originOf(api).DomainName);
  assert.match(origin, /\.execute-api\.eu-west-3\./);
  assert.match(origin, new RegExp(`coopol-dev-api.*${apiLogicalId}`), 'the origin is this stage HTTP API');
  // The browser's address reaches the API's per-client limits, vouched for by the shared key (a
  // deploy-time reference to the secret, never its value).
  const edge = (originOf(api) as { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }).OriginCustomHeaders ?? [];
  assert.match(JSON.stringify(edge.find((h) => h.HeaderName === 'x-coopol-edge')?.HeaderValue), /resolve:secretsmanager:/);
  assert.equal((api as { FunctionAssociations?: unknown[] }).FunctionAssociations?.length, 1, 'a viewer-request function writes x-coopol-viewer-ip');
});

test('pages go to the Next.js server function URL by default; images to the optimizer', () => {
  const serverOrigin = JSON.stringify(originOf(distribution.DefaultCacheBehavior).DomainName);
  assert.match(serverOrigin, /SiteServerFunctionFunctionUrl/);
  assert.deepEqual([...distribution.DefaultCacheBehavior.AllowedMethods].sort(), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
  assert.equal(distribution.DefaultCacheBehavior.OriginRequestPolicyId, ALL_VIEWER_EXCEPT_HOST_HEADER);
  assert.match(JSON.stringify(originOf(behaviorFor('_next/data/*')).DomainName), /SiteServerFunctionFunctionUrl/);
  assert.match(JSON.stringify(originOf(behaviorFor('_next/image*')).DomainName), /SiteImageOptimizerFunctionFunctionUrl/);
});

test('static files are served from the private bucket through origin access control', () => {
  for (const pattern of ['_next/*', 'favicon.ico', 'BUILD_ID']) {
    const origin = originOf(behaviorFor(pattern));
    assert.equal(origin.OriginPath, '/_assets', pattern);
    assert.ok(origin.OriginAccessControlId, `${pattern} reads S3 with OAC`);
  }
  template.hasResourceProperties('AWS::S3::Bucket', {
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
  });
  template.hasResourceProperties('Custom::CDKBucketDeployment', { DestinationBucketKeyPrefix: '_assets/_next', Prune: false });
});

test('build scripts go precompressed at brotli 11 to a browser that takes brotli, the rest as they are', () => {
  template.hasResourceProperties('Custom::CDKBucketDeployment', {
    DestinationBucketKeyPrefix: '_assets/_next',
    SystemMetadata: Match.objectLike({ 'content-encoding': 'br' }),
    Prune: false,
  });
  const associations = (behaviorFor('_next/*') as { FunctionAssociations?: { EventType: string; FunctionARN: unknown }[] }).FunctionAssociations ?? [];
  assert.equal(associations.length, 1);
  assert.equal(associations[0]!.EventType, 'viewer-request');
  const functions = template.findResources('AWS::CloudFront::Function', { Properties: { FunctionConfig: { Comment: Match.stringLikeRegexp('brotli') } } });
  const [code] = Object.values(functions).map((f) => (f as { Properties: { FunctionCode: string } }).Properties.FunctionCode);
  assert.ok(code, 'the viewer-request function that picks the brotli copy');
  // Run as CloudFront runs it, on what Chromium sends over HTTPS and on what a browser without brotli sends.
  const handler = new Function(`${code}; return handler;`)() as (event: unknown) => { uri: string };
  const ask = (uri: string, acceptEncoding?: string) =>
    handler({ request: { uri, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': { value: acceptEncoding } } } }).uri;
  assert.equal(ask('/_next/static/chunks/main.js', 'gzip, deflate, br, zstd'), '/_next/static/chunks/main.js.br');
  assert.equal(ask('/_next/static/chunks/main.js', 'gzip, deflate'), '/_next/static/chunks/main.js');
  assert.equal(ask('/_next/static/chunks/main.js'), '/_next/static/chunks/main.js');
  assert.equal(ask('/_next/static/chunks/app.css', 'br, gzip'), '/_next/static/chunks/app.css');
  assert.equal(ask('/favicon.ico', 'br'), '/favicon.ico');
});

test('the brotli copies are the build scripts, byte for byte once decompressed, and only them', () => {
  const build = path.join(scratch, 'assets', '_next');
  mkdirSync(path.join(build, 'static', 'chunks'), { recursive: true });
  const script = 'globalThis.page = "Fil";\n'.repeat(200);
  writeFileSync(path.join(build, 'static', 'chunks', 'page.js'), script);
  writeFileSync(path.join(build, 'static', 'chunks', 'page.css'), 'body { margin: 0 }');
  const out = path.join(scratch, 'assets-brotli', '_next');
  assert.equal(writePrecompressedScripts(build, out), 1);
  const copy = readFileSync(path.join(out, 'static', 'chunks', 'page.js.br'));
  assert.ok(copy.length < script.length / 10);
  assert.equal(brotliDecompressSync(copy).toString(), script);
  assert.equal(existsSync(path.join(out, 'static', 'chunks', 'page.css.br')), false);
});

test('a deploy ends by invalidating the distribution, after the server and every other upload', () => {
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
  const deployments = Object.entries(resources).filter(([, r]) => r.Type === 'Custom::CDKBucketDeployment');
  const invalidating = deployments.filter(([, r]) => r.Properties.DistributionPaths);
  assert.equal(invalidating.length, 1);
  const [, last] = invalidating[0]!;
  assert.deepEqual(last.Properties.DistributionPaths, ['/*']);
  const dependsOn = JSON.stringify(last.DependsOn ?? []);
  assert.match(dependsOn, /SiteServerFunction/);
  for (const [id] of deployments.filter(([, r]) => !r.Properties.DistributionPaths)) assert.match(dependsOn, new RegExp(id));
});

test('the server function runs Node 24 on arm64, streams, and knows the API origin', () => {
  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: 'Coopol web: Next.js server (OpenNext)',
    Runtime: 'nodejs24.x',
    Architectures: ['arm64'],
    Environment: {
      Variables: Match.objectLike({
        COOPOL_API_ORIGIN: Match.anyValue(),
        CACHE_BUCKET_KEY_PREFIX: '_cache',
      }),
    },
  });
  const server = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: 'Coopol web: Next.js server (OpenNext)' } }))[0] as {
    Properties: { Environment: { Variables: { COOPOL_API_ORIGIN: unknown } } };
  };
  const apiOrigin = JSON.stringify(server.Properties.Environment.Variables.COOPOL_API_ORIGIN);
  assert.match(apiOrigin, /https:\/\//);
  assert.match(apiOrigin, new RegExp(apiLogicalId));
  template.hasResourceProperties('AWS::Lambda::Url', { InvokeMode: 'RESPONSE_STREAM' });
  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: 'Coopol web: Next.js image optimization (OpenNext)',
    Runtime: 'nodejs24.x',
    Architectures: ['arm64'],
  });
});

test('a missing OpenNext build is reported with the command that produces it', () => {
  const missing = path.join(scratch, 'no-build', '.open-next');
  assert.throws(() => readOpenNextOutput(missing), (error: unknown) => error instanceof CoopolSetupError && /npm run build:web:aws/.test(error.message));
});

test('the CDK app fails on one line, before bundling anything, when the web build is missing', () => {
  const outdir = path.join(scratch, 'cdk.out');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify({ openNextPath: path.join(outdir, 'nothing-here', '.open-next') }),
  };
  // Only this test's context decides: the machine's COOPOL_* settings are left out.
  for (const name of Object.keys(env)) if (name.startsWith('COOPOL_')) delete env[name];
  const result = spawnSync(process.execPath, ['--import', 'tsx', fromRepoRoot('infra/bin/coopol.ts')], {
    cwd: fromRepoRoot(),
    env,
    encoding: 'utf8',
  });
  assert.equal(result.status, 1);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^coopol: OpenNext build output not found .* run `npm run build:web:aws`/);
});
