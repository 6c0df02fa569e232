import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { parisDay } from '../../functions/src/contracts/paris-time';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// The field reports' dashboard, through the real handlers: it opens on the latest month with reports
// (not an empty current month), and each report's line carries the reporter's remarks.

let stack: TestStack;
let secretary: TestPerson;
const run = randomUUID().slice(0, 6).toUpperCase();

before(async () => {
  stack = testStack();
  secretary = await createTestPerson(stack, {
    email: `secretaire-lille-${run}@coopol.example`.toLowerCase(),
    postalCode: '59000',
    member: { memberNumber: `RD${run}`, sectionId: 'lille' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'lille' }],
    mfa: true,
  });
});

test('the dashboard opens on the latest month with reports, and shows the remarks', async () => {
  // Two months ago, in Paris time.
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 14, 8));
  const month = parisDay(start).slice(0, 7);
  const created = await call(stack, secretary, 'POST', '/api/events', {
    space: { type: 'section', id: 'lille' }, kind: 'tractage', title: `Marché de Wazemmes ${run}`,
    start: start.toISOString(), end: new Date(start.getTime() + 2 * 3600_000).toISOString(), place: { address: 'Place de la Nouvelle Aventure, Lille' }, visibility: 'section',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const report = await call(stack, secretary, 'PUT', `/api/events/${created.body.id as string}/report`, { leaflets: 300, doors: 0, peopleReached: 40, contacts: 2, remarks: 'Pluie battante, marché à moitié vide' });
  assert.equal(report.status, 200, JSON.stringify(report.body));

  const opened = (await call(stack, secretary, 'GET', '/api/reports/section/lille')).body as { month: string; history: { month: string; reports: number }[] };
  const latest = opened.history.filter((h) => h.reports > 0).at(-1)!.month;
  assert.equal(opened.month, latest, 'opens on the latest month with reports');
  assert.ok(opened.month >= month);

  const ofMonth = (await call(stack, secretary, 'GET', `/api/reports/section/lille?month=${month}`)).body as { reports: { title: string; remarks: string }[] };
  assert.equal(ofMonth.reports.find((r) => r.title === `Marché de Wazemmes ${run}`)?.remarks, 'Pluie battante, marché à moitié vide');
});
