import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { features } from '../functions/src/contracts/route';
import { lambdaBundling } from '../infra/constructs/coopol-function';
import { repoRoot } from '../infra/local/stack';

/**
 * Budgets from the architecture: each handler bundle under 500 KB minified, module init under 150 ms.
 * Bundles with the settings CDK deploys (infra/constructs/coopol-function.ts), then imports each bundle
 * in a fresh Node process, several times, and reports the median init time.
 */
const BUNDLE_BUDGET_KB = 500;
const INIT_BUDGET_MS = 150;
const RUNS = 7;

const outDir = path.join(repoRoot, 'bench-results/lambda');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Placeholder values: modules only parse them at load, nothing is called.
const env = {
  ...process.env,
  AWS_REGION: 'eu-west-3',
  TABLE_NAME: 'bench',
  USER_POOL_ID: 'eu-west-3_bench',
  USER_POOL_CLIENT_ID: 'bench',
  MAIL_FROM: 'bench@coopol.example',
  MAIL_CONFIGURATION_SET: 'bench',
  FILES_BUCKET: 'bench',
  OFFICIAL_MFA_REQUIRED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

const rows: { feature: string; kb: number; initMs: number; ok: boolean }[] = [];
for (const feature of features) {
  const outfile = path.join(outDir, `${feature}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, 'functions/src/http', `${feature}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: lambdaBundling.target,
    mainFields: lambdaBundling.mainFields,
    minify: lambdaBundling.minify,
    banner: { js: lambdaBundling.banner },
    external: lambdaBundling.externalModules,
    logLevel: 'error',
  });
  const kb = Buffer.byteLength(await import('node:fs').then((fs) => fs.readFileSync(outfile))) / 1024;

  const probe = path.join(outDir, `${feature}.probe.mjs`);
  writeFileSync(probe, `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);\n`);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = spawnSync(process.execPath, [probe], { env, encoding: 'utf8', cwd: repoRoot });
    if (run.status !== 0) throw new Error(`${feature} failed to load: ${run.stderr.trim().split('\n').at(-1)?.slice(0, 500)}`);
    samples.push(Number(run.stdout.trim()));
  }
  samples.sort((a, b) => a - b);
  const initMs = samples[Math.floor(samples.length / 2)]!;
  rows.push({ feature, kb, initMs, ok: kb <= BUNDLE_BUDGET_KB && initMs <= INIT_BUDGET_MS });
}

console.log(`Lambda budgets (bundle ≤ ${BUNDLE_BUDGET_KB} KB minified, init ≤ ${INIT_BUDGET_MS} ms median of ${RUNS})`);
console.log('feature     bundle KB  of budget  init ms  of budget');
for (const row of rows) {
  console.log(
    `${row.feature.padEnd(11)} ${row.kb.toFixed(0).padStart(9)}  ${((row.kb / BUNDLE_BUDGET_KB) * 100).toFixed(0).padStart(8)}%  ${row.initMs.toFixed(0).padStart(7)}  ${((row.initMs / INIT_BUDGET_MS) * 100).toFixed(0).padStart(8)}%  ${row.ok ? 'ok' : 'OVER'}`,
  );
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
