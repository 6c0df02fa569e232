import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// `npm run wave -- …` drives the same API as the site, signed in with a national admin's password
// and TOTP. Region used here and nowhere else: Corse (94).

let stack: TestStack;
let admin: TestPerson;

before(async () => {
  stack = testStack();
  const run = randomUUID().slice(0, 6);
  admin = await createTestPerson(stack, {
    email: `admin-cli-${run}@coopol.example`,
    postalCode: '75011',
    member: { memberNumber: `CL${run.toUpperCase()}`, sectionId: 'paris-11' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
    mfa: true,
  });
});

function wave(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/wave.ts', ...args], {
      // Next's types make NODE_ENV required on every environment; a command's has none.
      env: { PATH: process.env.PATH ?? '', COOPOL_API_URL: stack.urls.site, COOPOL_EMAIL: admin.email, COOPOL_PASSWORD: TEST_PASSWORD, COOPOL_TOTP_SECRET: admin.totpSecret!, ...env } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

test('create, edit, list, deploy and watch a wave from the command line', { timeout: 60_000 }, async () => {
  const created = await wave(['create', '--name', 'Vague CLI', '--regions', '94', '--opens-at', '2030-06-01T08:00:00+02:00', '--training', 'Formation|2030-05-20T18:00:00+02:00|En visio', '--json']);
  assert.equal(created.code, 0, created.stderr);
  const { id, status, trainings } = JSON.parse(created.stdout) as { id: string; status: string; trainings: unknown[] };
  assert.equal(status, 'draft');
  assert.equal(trainings.length, 1);

  const edited = await wave(['edit', id, '--opens-at', new Date(Date.now() + 1500).toISOString(), '--json']);
  assert.equal(edited.code, 0, edited.stderr);
  const listed = await wave(['list']);
  assert.match(listed.stdout, new RegExp(`${id}\\s+draft`));

  assert.equal((await wave(['deploy', id])).code, 0);
  const watched = await wave(['watch', id]);
  assert.equal(watched.code, 0, watched.stderr);
  assert.match(watched.stdout.trim().split('\n').at(-2) ?? '', new RegExp(`${id}\\s+done`));
});

test('bad input and missing credentials are said clearly, with a failing exit code', async () => {
  const bad = await wave(['create', '--name', 'Sans territoire', '--opens-at', 'demain']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /wave: 400 .*\n\s+body\.opensAt/);
  const noCredentials = await wave(['list'], { COOPOL_PASSWORD: '' });
  assert.equal(noCredentials.code, 1);
  assert.match(noCredentials.stderr, /Set COOPOL_EMAIL and COOPOL_PASSWORD/);
  const unknown = await wave(['envoyer']);
  assert.match(unknown.stderr, /Unknown command "envoyer"/);
});
