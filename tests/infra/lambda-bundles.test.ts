import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { features } from '../../functions/src/contracts/route';
import { cognitoTriggerNames, cognitoTriggers } from '../../infra/cognito-triggers';
import { jobNames, jobs } from '../../infra/jobs';
import { lambdaLoadEnv, makeLambdaRuntimeDir, shippedBundleOptions } from '../../infra/lambda-bundle';
import { repoRoot } from '../../infra/local/stack';

// Every Lambda bundled exactly as CDK bundles it, then loaded the way the Lambda runtime loads it:
// from a folder whose node_modules holds only the AWS SDK clients. A module the bundle leaves for
// run time (e.g. a `require` made through createRequire, which esbuild does not bundle) fails here
// instead of at the first cold start in AWS. Each bundle also stays within its 500 KB budget.
const BUDGET_BYTES = 500 * 1024;

let runtimeDir: string;
before(() => {
  runtimeDir = makeLambdaRuntimeDir();
});
after(() => rmSync(runtimeDir, { recursive: true, force: true }));

const entries = [
  ...features.map((feature) => ({ name: feature, entry: path.join(repoRoot, 'functions/src/http', `${feature}.ts`) })),
  ...cognitoTriggerNames.map((trigger) => ({ name: trigger, entry: path.join(repoRoot, cognitoTriggers[trigger].entry) })),
  ...jobNames.map((job) => ({ name: job, entry: path.join(repoRoot, jobs[job].entry) })),
];

for (const { name, entry } of entries) {
  test(`${name}: loads with only the runtime's SDK clients beside it, within 500 KB`, async () => {
    const outfile = path.join(runtimeDir, `${name}.mjs`);
    await build({ ...shippedBundleOptions, entryPoints: [entry], outfile, metafile: true }).then((result) => {
      const bytes = Object.values(result.metafile.outputs)[0]!.bytes;
      assert.ok(bytes <= BUDGET_BYTES, `${name}: ${Math.round(bytes / 1024)} KB`);
    });
    const probe = path.join(runtimeDir, `${name}.probe.mjs`);
    writeFileSync(probe, `const m = await import(${JSON.stringify(outfile)}); if (typeof m.handler !== 'function') throw new Error('no handler');\n`);
    const run = spawnSync(process.execPath, [probe], { cwd: runtimeDir, env: lambdaLoadEnv(), encoding: 'utf8' });
    const cause = run.stderr.split('\n').find((line) => /Error/.test(line)) ?? run.stderr.trim();
    assert.equal(run.status, 0, `${name} does not load: ${cause}`);
  });
}
