import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench`: every benchmark in turn, each in its own Node process so one's memory and stack
 * do not weigh on the next. A benchmark that misses its goal exits non-zero; the others still run,
 * and the summary at the end names which missed (the run exits non-zero if any did).
 * `npm run bench -- list-pages wave-send` runs only those.
 */
const benches = [
  'lambda-budgets',
  'stream-idle',
  'member-import',
  'wave-send',
  'mailing-send',
  'feed-page',
  'list-pages',
  'messaging',
  'texts',
  'launch-capacity',
  'first-load-js',
];

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !benches.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')} (known: ${benches.join(', ')})`);
  process.exit(2);
}

const results: { name: string; status: number | null }[] = [];
for (const name of chosen.length ? chosen : benches) {
  console.log(`\n━━ ${name} ━━`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`)], { stdio: 'inherit' });
  results.push({ name, status: run.status });
}

console.log('\nBenchmarks: goal met (exit 0) or missed');
for (const { name, status } of results) console.log(`  ${status === 0 ? 'met   ' : 'MISSED'}  ${name}${status === 0 ? '' : ` (exit ${status})`}`);
process.exitCode = results.every((r) => r.status === 0) ? 0 : 1;
