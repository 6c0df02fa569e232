import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage } from '../support/browser';
import { linkIn, waitForMail } from '../support/mail';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// A secret group's manager proposes a meeting from the group's page, in Chromium; a member of the
// group finds it in the group's agenda; someone outside the group is told the event does not exist.
let stack: TestStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const outside: string[] = [];
const run = randomUUID().slice(0, 6);
let manager: TestPerson;
let member: TestPerson;
let stranger: TestPerson;
let groupId = '';

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  const person = (name: string, n: number) =>
    createTestPerson(stack, {
      email: `${name.toLowerCase()}-groupe-${run}@coopol.example`, givenName: name, familyName: 'Agenda', postalCode: '59000',
      member: { memberNumber: `GA${run.toUpperCase()}${n}`, sectionId: 'lille' },
    });
  [manager, member, stranger] = await Promise.all([person('Nadia', 1), person('Omar', 2), person('Pia', 3)]);
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  for (const p of [manager, member, stranger]) await PersonEntity.patch({ userId: p.userId }).set({ onboarded: true }).go();
  const group = await call(stack, manager, 'POST', '/api/groups', { name: `Cheminots ${run}`, kind: 'secret', audience: 'all' });
  assert.equal(group.status, 201, JSON.stringify(group.body));
  groupId = group.body.id as string;
  // Into the secret group by the manager's invitation mail (its pages have their own browser test).
  assert.equal((await call(stack, manager, 'POST', `/api/groups/${groupId}/invitations`, { email: member.email })).status, 201);
  const token = linkIn(await waitForMail(stack, member.email, /vous invite dans le groupe/), /\/groupes\/invitation\//).split('/').pop()!;
  assert.equal((await call(stack, member, 'POST', `/api/group-invitations/${token}/accept`)).status, 200);
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const pageAs = (person: TestPerson) => signedInPage(browser, stack.urls.site, person, { contexts, outside }, { width: 1280, height: 900 });

test('a secret group’s manager proposes an event from the group’s page; its members see it, nobody else', async () => {
  const title = `Assemblée des cheminots ${run}`;
  const page = await pageAs(manager);
  await page.goto(`${stack.urls.site}/groupes/${groupId}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Agenda du groupe' }).waitFor();
  await page.getByRole('link', { name: 'Nouvel évènement' }).click();
  await page.waitForURL(/\/evenements\/nouveau\?espace=group/);
  // A secret group's events are never public: the choice is not offered.
  const choices = await page.getByLabel('Qui le voit').locator('option').allInnerTexts();
  assert.ok(!choices.some((c) => c.startsWith('Public')), JSON.stringify(choices));
  await page.getByLabel('Type').selectOption('reunion');
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Début (heure de Paris)').fill('2031-04-05T18:00');
  await page.getByLabel('Fin (heure de Paris)').fill('2031-04-05T20:00');
  await page.getByLabel('Lieu').fill('Maison des syndicats, Lille');
  await page.getByRole('button', { name: 'Publier l’événement' }).click();
  await page.waitForURL(/\/evenements\/[a-z0-9]{32}$/);
  const eventUrl = page.url();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const violations = await seriousAccessibilityViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));

  const memberPage = await pageAs(member);
  await memberPage.goto(`${stack.urls.site}/groupes/${groupId}`, { waitUntil: 'networkidle' });
  await memberPage.getByRole('link', { name: title }).waitFor();
  assert.equal(await memberPage.getByRole('link', { name: 'Nouvel évènement' }).count(), 0);

  const strangerPage = await pageAs(stranger);
  const response = await strangerPage.goto(eventUrl, { waitUntil: 'networkidle' });
  assert.equal(response?.status(), 404);
  assert.deepEqual(outside, []);
});
