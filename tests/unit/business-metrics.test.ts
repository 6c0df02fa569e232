import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fromRepoRoot } from '../../infra/paths';

// In its own process: Powertools reads its environment once, when the module loads.
function emit(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fromRepoRoot(),
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

test('a business metric is written at once to stdout in CloudWatch’s embedded format, under the Coopol namespace', () => {
  const run = emit("import { countBusiness } from './functions/src/shared/metrics.ts'; countBusiness('SignUps'); countBusiness('MailsSent', 3);", {});
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] } });
  assert.equal(lines.length, 2, 'one line per count: nothing waits for the end of the invocation');
  assert.equal(lines[0]!._aws.CloudWatchMetrics[0]!.Namespace, 'Coopol');
  assert.deepEqual(lines[0]!._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name), ['SignUps']);
  assert.equal(lines[0]!.SignUps, 1);
  assert.equal(lines[1]!.MailsSent, 3);
  assert.equal(lines[0]!.service, 'coopol', 'the dimension the dashboard and the stalled-wave alarm read');
});

test('the local stack (POWERTOOLS_DEV) keeps metrics off its console', () => {
  const run = emit("import { countBusiness } from './functions/src/shared/metrics.ts'; countBusiness('Rsvps');", { POWERTOOLS_DEV: 'true' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), '');
});
