import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { isPortTaken } from '../../infra/local/processes';
import { ensureBucket, ensureTable, ensureUserPool, localCredentials } from '../../infra/local/provision';
import { DEMO_PASSWORD } from '../../infra/local/demo-data';
import { seedTerritory } from '../../infra/local/seed';
import { portVariables, repoRoot } from '../../infra/local/stack';
import { api, freePorts, testStack, type TestStack } from '../support/stack';

let stack: TestStack & { web?: boolean };
before(() => {
  stack = testStack();
});

describe('provisioning and seeding are idempotent', () => {
  test('a second run finds the same table, pool, client and bucket', async () => {
    await ensureTable(stack.urls.dynamodb, stack.env.TABLE_NAME!);
    const pool = await ensureUserPool(stack.urls.cognito, 'coopol-local');
    assert.deepEqual(pool, { userPoolId: stack.env.USER_POOL_ID, userPoolClientId: stack.env.USER_POOL_CLIENT_ID });
    await ensureBucket(stack.urls.s3, stack.env.FILES_BUCKET!);
  });

  test('seeding again creates nothing and keeps the counters', async () => {
    const result = await seedTerritory();
    assert.deepEqual(result, { geographyLoaded: false, sectionsCreated: 0 });
    assert.equal((await api(stack, '/api/federations/68')).body.sectionCount, 2);
  });
});

/** Runs `npm start`'s entry point with its own ports and data folder; resolves when it is ready. */
function startCli(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, COOPOL_TEST_STACK: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (stdout.includes('Coopol is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited (${code}) before being ready:\n${stdout}\n${stderr}`));
    });
  });
  ready.catch(() => undefined); // tests that expect a failed start await `exited` instead
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

function portEnv(ports: Awaited<ReturnType<typeof freePorts>>): Record<string, string> {
  return Object.fromEntries(Object.entries(ports).map(([key, port]) => [portVariables[key as keyof typeof ports].env, String(port)]));
}

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coopol-start-test-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('serves the site and API, prints URLs and demo logins, stops everything on Ctrl-C, and keeps data across restarts', { timeout: 480_000 }, async (t) => {
    if (!stack.web) return t.skip('the test stack runs without the site (COOPOL_TEST_WEB=0)');
    const ports = await freePorts();
    const env = { ...portEnv(ports), COOPOL_DATA_DIR: dataDir };

    const first = startCli(env);
    await first.ready;
    const printed = first.output().stdout;
    assert.match(printed, new RegExp(`Site\\s+http://127\\.0\\.0\\.1:${ports.site}`));
    assert.match(printed, new RegExp(`Mail viewer\\s+http://127\\.0\\.0\\.1:${ports.ses}/`));
    assert.match(printed, /admin\.nationale@coopol\.example/);
    const site = `http://127.0.0.1:${ports.site}`;
    assert.equal((await fetch(`${site}/`)).status, 200);
    assert.equal((await fetch(`${site}/api/sections/mulhouse`)).status, 200);

    // The demo's social network: Marc's feed shows the section's, the federation's and his group's posts.
    const feedOf = async () => {
      const signedIn = await fetch(`${site}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'adherent.mulhouse@coopol.example', password: DEMO_PASSWORD }) });
      const { idToken } = ((await signedIn.json()) as { tokens: { idToken: string } }).tokens;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const feed = (await (await fetch(`${site}/api/feed`, { headers: { authorization: `Bearer ${idToken}` } })).json()) as { items: { html: string }[] };
        if (feed.items.length >= 4 || Date.now() > deadline) return feed.items.map((post) => post.html);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const demoFeed = await feedOf();
    assert.equal(demoFeed.length, 4, JSON.stringify(demoFeed));
    assert.ok(demoFeed.some((text) => text.includes('Première réunion du groupe')), 'the group post');

    const dynamodb = new DynamoDBClient({ endpoint: `http://127.0.0.1:${ports.dynamodb}`, region: 'eu-west-3', credentials: localCredentials });
    const marker = { pk: { S: 'test#persistence' }, sk: { S: 'test#persistence' } };
    await dynamodb.send(new PutItemCommand({ TableName: 'coopol-local', Item: marker }));

    first.child.kill('SIGINT');
    assert.equal(await first.exited, 0);
    for (const port of Object.values(ports)) assert.equal(await isPortTaken(port), false, `port ${port} still in use`);
    const leftovers = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout.split('\n').filter((line) => line.includes(dataDir));
    assert.deepEqual(leftovers, []);

    const second = startCli(env);
    await second.ready;
    const item = await dynamodb.send(new GetItemCommand({ TableName: 'coopol-local', Key: marker }));
    assert.ok(item.Item, 'data written before the restart is still there');
    assert.equal((await feedOf()).length, 4, 'seeding again posts nothing twice');
    second.child.kill('SIGINT');
    assert.equal(await second.exited, 0);
    dynamodb.destroy();
  });

  test('a port already in use is explained in one line naming the variable to change', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const ports = await freePorts();
      const run = startCli({ ...portEnv(ports), COOPOL_DYNAMODB_PORT: String(taken), COOPOL_DATA_DIR: dataDir });
      assert.equal(await run.exited, 1);
      const lines = run.output().stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.output().stderr);
      assert.match(lines[0]!, new RegExp(`${taken}.*DynamoDB Local.*COOPOL_DYNAMODB_PORT`));
    } finally {
      blocker.close();
    }
  });

  test('a missing Java is explained in one line', async () => {
    const ports = await freePorts();
    // Only node's own folder on PATH: `java` cannot be found.
    const run = startCli({ ...portEnv(ports), COOPOL_DATA_DIR: dataDir, PATH: path.dirname(process.execPath) });
    assert.equal(await run.exited, 1);
    const lines = run.output().stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.output().stderr);
    assert.match(lines[0]!, /Java.*not found/);
    for (const port of Object.values(ports)) assert.equal(await isPortTaken(port), false, `port ${port} left in use`);
  });
});
