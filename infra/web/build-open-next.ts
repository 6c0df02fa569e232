import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readOpenNextOutput } from '../constructs/web/open-next-output';
import { CoopolSetupError } from '../errors';
import { fromRepoRoot } from '../paths';

/**
 * `npm run build:web:aws`: builds web/ with OpenNext (`next build`, then the Lambda bundles) into
 * web/.open-next, which `cdk synth` reads. Offline except for npm installing sharp for linux-arm64
 * from the npm registry (web/open-next.config.ts). Checks the result, since OpenNext only logs a
 * failed sharp install and carries on.
 */
const require = createRequire(import.meta.url);
const webDirectory = fromRepoRoot('web');
const openNextDirectory = path.join(webDirectory, '.open-next');
const openNextCli = require.resolve('@opennextjs/aws/index.js');

function fail(message: string): never {
  console.error(`build:web:aws: ${message}`);
  process.exit(1);
}

const started = performance.now();
// OpenNext reads web/open-next.config.ts and writes web/.open-next relative to its working directory.
const build = spawnSync(process.execPath, [openNextCli, 'build'], {
  cwd: webDirectory,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) fail(`open-next build failed (exit ${build.status ?? build.signal}).`);

try {
  const output = readOpenNextOutput(openNextDirectory);
  const sharp = path.join(output.imageOptimizer.directory, 'node_modules', '@img', 'sharp-linux-arm64');
  if (!existsSync(sharp)) {
    fail(`sharp for linux-arm64 is missing from ${path.relative(fromRepoRoot(), output.imageOptimizer.directory)} (npm could not install it: see the log above).`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build:web:aws: ${path.relative(fromRepoRoot(), openNextDirectory)} ready in ${seconds} s (${output.behaviors.length} CloudFront behaviors).`);
} catch (error) {
  if (error instanceof CoopolSetupError) fail(error.message);
  throw error;
}
