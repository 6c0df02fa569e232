import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../infra/local/stack';

const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('the whole repository type-checks (tsc --noEmit)', () => {
  const { status, output } = run([bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  assert.equal(status, 0, output);
});

test('the whole repository passes the linter (eslint)', () => {
  const { status, output } = run([bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
  assert.equal(status, 0, output);
});
