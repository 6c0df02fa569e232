import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { allMails } from '../support/mail';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// The sender killed in the middle of a wave of several thousand recipients (SIGKILL: nothing
// finishes gracefully, mails are in flight) is started again by the stack, as Lambda runs a failed
// batch again, and resumes: every recipient gets exactly one launch mail, counted in the SES
// emulator's store — and never faster than the account's send rate. Federation used here and nowhere
// else: Rhône (69).

const RECIPIENTS = 3000;
let stack: TestStack;
let admin: TestPerson;
const run = randomUUID().slice(0, 6);
const emails = Array.from({ length: RECIPIENTS }, (_, i) => `reprise-${run}-${i}@coopol.example`);

before(async () => {
  stack = testStack();
  admin = await createTestPerson(stack, {
    email: `admin-reprise-${run}@coopol.example`,
    postalCode: '75011',
    member: { memberNumber: `RR${run.toUpperCase()}`, sectionId: 'paris-11' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
    mfa: true,
  });
  // Confirmed preregistrations written straight into the table (the form is tested elsewhere).
  const { PreregistrationEntity, FunnelEntity } = await import('../../functions/src/domain/rollout/entities');
  const at = new Date().toISOString();
  const items = emails.map((email, i) => ({
    email,
    token: `${run}${String(i).padStart(26, '0')}`,
    postalCode: '69001',
    communeName: 'Lyon',
    federationCode: '69',
    federationName: 'Fédération du Rhône',
    regionCode: '84',
    regionName: 'Auvergne-Rhône-Alpes',
    kind: 'supporter' as const,
    status: 'confirmed' as const,
    consentAt: at,
    createdAt: at,
    confirmedAt: at,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  }));
  const { unprocessed } = await PreregistrationEntity.put(items).go();
  assert.equal(unprocessed.length, 0);
  await FunnelEntity.update({ federationCode: '69' }).add({ preregistered: RECIPIENTS, confirmed: RECIPIENTS, waiting: RECIPIENTS }).go();
});

async function wave(id: string) {
  const answer = await call(stack, admin, 'GET', `/api/waves/${id}`);
  assert.equal(answer.status, 200);
  return answer.body as { status: string; progress: Record<string, number> };
}

/** Mails of this run the SES emulator received in the last two seconds. */
async function recentlyReceived(): Promise<number> {
  const since = Math.floor(Date.now() / 1000) - 2;
  const response = await fetch(`${stack.urls.mailViewer}store?since=${since}`);
  const { emails: recent } = (await response.json()) as { emails: { destination: { to: string[] } }[] };
  return recent.filter((mail) => mail.destination.to.some((to) => to.startsWith(`reprise-${run}-`))).length;
}

/** Returns as soon as two looks in a row see the count grow: the sender is sending right now. */
async function sendsUnderWay(): Promise<void> {
  let before = await recentlyReceived();
  for (;;) {
    const now = await recentlyReceived();
    if (now > before) return;
    before = now;
  }
}

describe('a wave survives its sender being killed', () => {
  test(`${RECIPIENTS} recipients, sender killed mid-wave: each gets exactly one mail`, { timeout: 180_000 }, async () => {
    const created = await call(stack, admin, 'POST', '/api/waves', { name: `Reprise ${run}`, federationCodes: ['69'], opensAt: new Date().toISOString() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal((await call(stack, admin, 'POST', `/api/waves/${id}/open`)).status, 200);

    // Kill the worker three times (a quarter, half, three quarters sent), each while the SES emulator
    // is receiving its mails (so that some are in flight); the stack starts it again each time.
    const pids: number[] = [];
    for (const share of [0.25, 0.5, 0.75]) {
      for (;;) {
        const { progress } = await wave(id);
        if (progress.sent! >= RECIPIENTS * share) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await sendsUnderWay();
      const pid = Number(readFileSync(stack.workerPidFile, 'utf8'));
      process.kill(pid, 'SIGKILL');
      pids.push(pid);
      const atKill = (await wave(id)).progress.sent!;
      assert.ok(atKill < RECIPIENTS, `killed before the end (${atKill} sent)`);
      // Wait for the new worker before going on.
      while (pids.includes(Number(readFileSync(stack.workerPidFile, 'utf8')))) await new Promise((r) => setTimeout(r, 100));
    }

    // The stack starts it again; it resumes.
    const deadline = Date.now() + 150_000;
    let last = await wave(id);
    while (last.status !== 'done') {
      assert.ok(Date.now() < deadline, `the wave did not finish: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 500));
      last = await wave(id);
    }
    assert.ok(!pids.includes(Number(readFileSync(stack.workerPidFile, 'utf8'))), 'a new worker finished the wave');
    assert.equal(last.progress.sent, RECIPIENTS);
    assert.equal(last.progress.failed, 0);
    assert.equal(last.progress.toSend, 0);

    const received = new Map<string, number>();
    const perSecond = new Map<number, number>();
    for (const mail of await allMails(stack)) {
      for (const to of mail.destination.to) {
        if (!to.startsWith(`reprise-${run}-`)) continue;
        received.set(to, (received.get(to) ?? 0) + 1);
        perSecond.set(mail.at, (perSecond.get(mail.at) ?? 0) + 1);
      }
    }
    // Paced to the SES account's maximum send rate (200 mails/s locally), restarts included: no more
    // than 200 mails start in any second. The emulator stamps the second a mail arrived in, so the
    // mails in flight at a second's end (up to the sender's 25 at once) may count in the next.
    assert.ok(Math.max(...perSecond.values()) <= 225, `200 a second at most: ${JSON.stringify([...perSecond])}`);
    const missing = emails.filter((email) => !received.has(email));
    const twice = [...received].filter(([, count]) => count > 1);
    assert.deepEqual({ missing: missing.length, twice: twice.length }, { missing: 0, twice: 0 }, `missing: ${missing.slice(0, 5)}; twice: ${JSON.stringify(twice.slice(0, 5))}`);
    assert.equal(received.size, RECIPIENTS);
  });
});
