import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readStageConfig } from '../../infra/config';
import { defineCoopolStage, type CoopolStacks } from '../../infra/coopol-app';
import { fromRepoRoot } from '../../infra/paths';

/**
 * A fixture of OpenNext's build layout (@opennextjs/aws 4.x `.open-next/`), holding only what the
 * web constructs read: the manifest `open-next.output.json` (as OpenNext writes it for
 * web/open-next.config.ts), the server and image function folders, static assets and the cache.
 * Lets the web stack synthesize without running `next build`.
 */
export function fakeOpenNextOutput(root = temporaryDirectory()): string {
  const openNext = path.join(root, '.open-next');
  const file = (relative: string, content: string) => {
    const absolute = path.join(openNext, relative);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  };
  const buildId = 'fixture-build';
  file('server-functions/default/index.mjs', 'export const handler = async () => ({ statusCode: 200 });\n');
  file('image-optimization-function/index.mjs', 'export const handler = async () => ({ statusCode: 200 });\n');
  file(`assets/_next/static/${buildId}/_buildManifest.js`, 'self.__BUILD_MANIFEST = {};\n');
  file('assets/_next/static/chunks/main.js', '/* chunk */\n');
  file('assets/favicon.ico', '');
  file('assets/BUILD_ID', buildId);
  file(`cache/${buildId}/index.cache`, '{}');
  file(
    'open-next.output.json',
    JSON.stringify({
      edgeFunctions: {},
      origins: {
        s3: {
          type: 's3',
          originPath: '_assets',
          copy: [
            { from: '.open-next/assets', to: '_assets', cached: true, versionedSubDir: '_next' },
            { from: '.open-next/cache', to: '_cache', cached: false },
          ],
        },
        imageOptimizer: {
          type: 'function',
          handler: 'index.handler',
          bundle: '.open-next/image-optimization-function',
          streaming: false,
          imageLoader: 's3-lite',
          wrapper: 'aws-lambda',
          converter: 'aws-apigw-v2',
        },
        default: {
          type: 'function',
          handler: 'index.handler',
          bundle: '.open-next/server-functions/default',
          streaming: true,
          wrapper: 'aws-lambda-streaming',
          converter: 'aws-apigw-v2',
          queue: 'direct',
          incrementalCache: 's3-lite',
          tagCache: 'dummy',
        },
      },
      behaviors: [
        { pattern: '_next/image*', origin: 'imageOptimizer' },
        { pattern: '_next/data/*', origin: 'default' },
        { pattern: '*', origin: 'default' },
        { pattern: '_next/*', origin: 's3' },
        { pattern: 'BUILD_ID', origin: 's3' },
        { pattern: 'favicon.ico', origin: 's3' },
      ],
      additionalProps: { disableTagCache: true, warmer: { handler: 'index.handler', bundle: '.open-next/warmer-function' } },
    }),
  );
  return openNext;
}

/** A temporary directory removed when the test process exits. */
function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'coopol-infra-test-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

/** The feature flags `cdk synth` gets from cdk.json, so tests synthesize what the CLI would. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(fromRepoRoot('cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

/**
 * Synthesizes the whole app as `cdk synth` does, the rule packs included (infra/nag.ts): the
 * findings no acknowledgment covers, as `<rule> at <construct path>` (none: an empty list).
 */
export function unacknowledgedFindings(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (error) {
    const report = /found in: (\S+validation-report\.json)/.exec((error as Error).message)?.[1];
    if (!report) throw error;
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[] }[];
    };
    return json.pluginReports
      .filter((plugin) => plugin.pluginName !== 'Construct Annotations')
      .flatMap((plugin) => plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)));
  }
}

export interface SynthesizedStage {
  app: App;
  stacks: CoopolStacks;
  template(stack: keyof CoopolStacks): Template;
}

/**
 * Synthesizes a whole stage the way `cdk synth` does, from CDK context only (the environment is
 * ignored so the machine's COOPOL_* variables cannot change the result), without bundling.
 */
export function synthesizeStage(context: Record<string, string> = {}): SynthesizedStage {
  const fullContext: Record<string, unknown> = {
    ...cdkJsonContext(),
    // Assertions need no Lambda bundle: skip esbuild for every stack.
    'aws:cdk:bundling-stacks': [],
    openNextPath: fakeOpenNextOutput(),
    ...context,
  };
  const app = new App({ context: fullContext, outdir: temporaryDirectory() });
  const stacks = defineCoopolStage(app, readStageConfig((key) => app.node.tryGetContext(key), {}));
  const templates = new Map<Stack, Template>();
  return {
    app,
    stacks,
    template(name) {
      const stack = stacks[name];
      if (!stack) throw new Error(`this stage has no ${name} stack`);
      if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack));
      return templates.get(stack)!;
    },
  };
}
