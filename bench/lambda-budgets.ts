import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { features } from '../functions/src/contracts/route';
import { lambdaLoadEnv, makeLambdaRuntimeDir, shippedBundleOptions } from '../infra/lambda-bundle';
import { repoRoot } from '../infra/local/stack';

/**
 * Budgets from the architecture: each handler bundle under 500 KB minified, module init under 150 ms.
 * Bundles each function as CDK ships it, then imports it in a fresh Node process, several times, from
 * a folder laid out like the Lambda runtime, and reports the median init time.
 */
const BUNDLE_BUDGET_KB = 500;
const INIT_BUDGET_MS = 150;
const RUNS = 7;

// Measured as the runtime loads them: from outside the repository, only the SDK clients beside them.
const outDir = makeLambdaRuntimeDir();
const env = lambdaLoadEnv();

const rows: { feature: string; kb: number; initMs: number; atInit: string[]; onUse: string[]; ok: boolean }[] = [];
for (const feature of features) {
  const outfile = path.join(outDir, `${feature}.mjs`);
  const { metafile } = await build({ ...shippedBundleOptions, entryPoints: [path.join(repoRoot, 'functions/src/http', `${feature}.ts`)], outfile, metafile: true });
  const kb = readFileSync(outfile).length / 1024;
  // The runtime's SDK clients the bundle loads before its first request, and those it loads on first use.
  const sdkImports = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/client-')));
  const clients = (kind: string) => [...new Set(sdkImports.filter((i) => i.kind === kind).map((i) => i.path.replace('@aws-sdk/client-', '')))].sort();
  const atInit = clients('import-statement');
  const onUse = clients('dynamic-import').filter((c) => !atInit.includes(c));

  const probe = path.join(outDir, `${feature}.probe.mjs`);
  writeFileSync(probe, `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);\n`);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = spawnSync(process.execPath, [probe], { env, encoding: 'utf8', cwd: outDir });
    if (run.status !== 0) throw new Error(`${feature} failed to load: ${run.stderr.trim().split('\n').at(-1)?.slice(0, 500)}`);
    samples.push(Number(run.stdout.trim()));
  }
  samples.sort((a, b) => a - b);
  const initMs = samples[Math.floor(samples.length / 2)]!;
  rows.push({ feature, kb, initMs, atInit, onUse, ok: kb <= BUNDLE_BUDGET_KB && initMs <= INIT_BUDGET_MS });
}

console.log(`Lambda budgets (bundle ≤ ${BUNDLE_BUDGET_KB} KB minified, init ≤ ${INIT_BUDGET_MS} ms median of ${RUNS})`);
console.log('feature     bundle KB  of budget  init ms  of budget        SDK clients at init · on first use');
for (const row of rows) {
  console.log(
    `${row.feature.padEnd(11)} ${row.kb.toFixed(0).padStart(9)}  ${((row.kb / BUNDLE_BUDGET_KB) * 100).toFixed(0).padStart(8)}%  ${row.initMs.toFixed(0).padStart(7)}  ${((row.initMs / INIT_BUDGET_MS) * 100).toFixed(0).padStart(8)}%  ${(row.ok ? 'ok' : 'OVER').padEnd(5)}  ${row.atInit.join(', ')}${row.onUse.length ? ` · ${row.onUse.join(', ')}` : ''}`,
  );
}
rmSync(outDir, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
