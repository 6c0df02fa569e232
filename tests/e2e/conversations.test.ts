import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, signedInPage } from '../support/browser';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// A conversation one can follow, in Chromium: Marc follows Léa's post in their section; Léa comments
// (through the API: another person, elsewhere); Marc's bell shows it without a reload (the page asks
// for the count while it is in view); he opens the bell, follows the notification — read on the way —,
// answers Léa's comment and edits his answer from its « … » menu. Léa is told of the reply. The pages
// of the conversation pass axe (no serious or critical violation) and fit 320 px without sideways scroll.

let stack: TestStack;
let browser: Browser;
const run = randomUUID().slice(0, 6);
const watch: { contexts: BrowserContext[]; outside: string[] } = { contexts: [], outside: [] };
let marc: TestPerson;
let lea: TestPerson;
let postId = '';
const postText = `Qui tracte au marché de Wazemmes dimanche ${run} ?`;
const leaText = `Moi, avec des tracts sur les transports ${run}`;
const replyText = `Je t’accompagne ${run}`;
const editedText = `Je t’accompagne, rendez-vous à 9 h ${run}`;

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  const member = (email: string, givenName: string, n: number) =>
    createTestPerson(stack, { email: `${email}-${run}@coopol.example`, givenName, familyName: 'Conversation', postalCode: '59000', member: { memberNumber: `EC${run.toUpperCase()}${n}`, sectionId: 'lille' } });
  // The test password has « marché » in it, which a person named Marc may not choose: he is named after sign-up.
  [marc, lea] = await Promise.all([member('m', 'Martin', 1), member('lea', 'Léa', 2)]);
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  await PersonEntity.patch({ userId: marc.userId }).set({ givenName: 'Marc' }).go();
  for (const person of [marc, lea]) await PersonEntity.patch({ userId: person.userId }).set({ onboarded: true }).go();
  const posted = await call(stack, lea, 'POST', '/api/posts', { space: { type: 'section', id: 'lille' }, text: postText });
  assert.equal(posted.status, 201);
  postId = posted.body.id as string;
});
after(async () => {
  await Promise.all(watch.contexts.map((c) => c.close()));
  await browser?.close();
});


const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('Marc follows a conversation', () => {
  let page: Page;

  test('he follows Léa’s post: the button says so', async () => {
    page = await signedInPage(browser, stack.urls.site, marc, watch, { width: 1280, height: 900 });
    await page.goto(`${stack.urls.site}/publications/${postId}`, { waitUntil: 'networkidle' });
    const post = page.locator('article', { hasText: postText });
    await post.getByRole('link', { name: 'Léa Conversation' }).waitFor();
    await post.getByRole('link', { name: 'dans Section de Lille' }).waitFor();
    await page.getByText('Vous ne suivez pas cette conversation.').waitFor();
    await page.getByRole('button', { name: 'Suivre la conversation' }).click();
    const unfollow = page.getByRole('button', { name: 'Ne plus suivre' });
    await unfollow.waitFor();
    assert.equal(await unfollow.getAttribute('aria-pressed'), 'true');
    await page.getByText('Vous suivez cette conversation').waitFor();
    await assertAccessible(page, 'a post Marc follows');
  });

  test('Léa comments; Marc’s bell shows it without a reload, and its list leads to the conversation, read', async () => {
    const bell = page.locator('header [data-unread]');
    const before = Number(await bell.getAttribute('data-unread'));
    const marker = await page.evaluate(() => ((window as unknown as { stillHere: number }).stillHere = Math.random()));
    const commented = await call(stack, lea, 'POST', `/api/posts/${postId}/comments`, { text: leaText });
    assert.equal(commented.status, 201);
    // The count comes on the live channel (ADR 0029; the page no longer polls): no reload, no click.
    await page.waitForFunction((n) => Number(document.querySelector('header [data-unread]')?.getAttribute('data-unread')) > n, before, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { stillHere?: number }).stillHere), marker, 'the same page, not reloaded');
    await page.getByText(/Alertes : 1 non lue/).waitFor({ state: 'attached' });

    await page.locator('header summary', { has: page.locator('[data-unread]') }).click();
    const item = page.getByRole('link', { name: new RegExp(`Léa Conversation a commenté .*${leaText.slice(0, 20)}`) });
    await item.waitFor();
    await assertAccessible(page, 'the bell’s list, open');
    await item.click();
    await page.waitForURL((url) => url.pathname === `/publications/${postId}`);
    assert.equal(await page.locator('header [data-unread]').getAttribute('data-unread'), String(before), 'read once followed');
  });

  test('he answers Léa’s comment, then edits his answer from its « … » menu; Léa is told', async () => {
    const leas = page.locator('li', { hasText: leaText }).first();
    await leas.getByText(/\d{4}/).first().waitFor(); // its date
    await page.getByText('Répondre', { exact: true }).click();
    await page.getByLabel('Votre réponse à Léa Conversation').fill(replyText);
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    const replies = page.getByRole('list', { name: 'Réponses à Léa Conversation' });
    // Visible: the author's editor, hidden until « Modifier », holds the words too.
    await replies.getByText(replyText).filter({ visible: true }).waitFor();
    await assertAccessible(page, 'a conversation with a reply');

    const reply = replies.locator('li', { hasText: replyText });
    await reply.locator('summary', { hasText: 'Actions sur votre commentaire' }).click();
    await reply.getByRole('link', { name: 'Modifier' }).click();
    const box = reply.getByLabel('Votre commentaire');
    assert.equal(await box.inputValue(), replyText, 'the editor starts from the words');
    await box.fill(editedText);
    await reply.getByRole('button', { name: 'Enregistrer' }).click();
    await replies.getByText(editedText).filter({ visible: true }).waitFor();
    await replies.getByText('(modifié)').waitFor();
    assert.equal(await page.getByText(replyText, { exact: true }).count(), 0);

    const deadline = Date.now() + 20_000;
    for (;;) {
      const told = (await call(stack, lea, 'GET', '/api/me/notifications')).body.items as { text: string }[];
      const reply = told.find((n) => n.text.startsWith('Marc Conversation a répondu à votre commentaire'));
      if (reply) {
        assert.match(reply.text, new RegExp(editedText.slice(-10)), 'the notification shows the edited words');
        break;
      }
      assert.ok(Date.now() < deadline, `Léa was not told: ${JSON.stringify(told)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  });

  test('without JavaScript, the « … » menu still asks before deleting and edits in place, and the bell leads to the notifications', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 }, locale: 'fr-FR' });
    watch.contexts.push(context);
    await context.addCookies(['coopol_id', 'coopol_access'].map((name, i) => ({ name, value: i ? marc.accessToken : marc.idToken, url: stack.urls.site, httpOnly: true, sameSite: 'Lax' as const })));
    const plain = await context.newPage();
    await plain.goto(`${stack.urls.site}/publications/${postId}`, { waitUntil: 'networkidle' });
    const reply = plain.getByRole('list', { name: 'Réponses à Léa Conversation' }).locator('li', { hasText: editedText });
    const words = reply.getByRole('paragraph').filter({ hasText: editedText });
    const menu = reply.locator('summary', { hasText: 'Actions sur votre commentaire' });

    await menu.click();
    await reply.getByRole('link', { name: 'Supprimer' }).click();
    const question = reply.getByRole('group', { name: 'Supprimer ce commentaire ?' });
    await question.waitFor();
    await question.getByRole('link', { name: 'Annuler' }).click();
    await question.waitFor({ state: 'hidden' });
    await words.waitFor();

    // Without a script nothing closes the disclosure: back from the question, the menu is still open.
    await reply.getByRole('link', { name: 'Modifier' }).click();
    const box = reply.getByLabel('Votre commentaire');
    await box.waitFor();
    await words.waitFor({ state: 'hidden' });
    await box.fill(`${editedText}, sans script`);
    await reply.getByRole('button', { name: 'Enregistrer' }).click();
    await plain.getByText(`${editedText}, sans script`).filter({ visible: true }).waitFor();
    assert.equal(await plain.getByLabel('Votre commentaire').filter({ visible: true }).count(), 1, 'the editor closed once saved: only the new comment’s box shows');

    // The bell opens on the way to all notifications (its short list needs a script).
    await plain.locator('header summary', { has: plain.locator('[data-unread]') }).click();
    await plain.getByRole('link', { name: 'Toutes les notifications' }).click();
    await plain.waitForURL((url) => url.pathname === '/notifications');
  });

  test('at 320 px: the conversation, the notifications, search, a profile and the coopains fit without sideways scroll', async () => {
    const phone = await signedInPage(browser, stack.urls.site, marc, watch, { width: 320, height: 720 });
    for (const path of [`/publications/${postId}`, '/notifications', '/recherche?q=lille', `/personnes/${lea.userId}`, '/coopains', '/']) {
      await phone.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
      assert.ok((await sideways(phone)) <= 0, `${path} scrolls sideways by ${await sideways(phone)} px`);
    }
    await phone.goto(`${stack.urls.site}/personnes/${lea.userId}`, { waitUntil: 'networkidle' });
    await phone.getByRole('button', { name: 'Demander en coopain : Léa Conversation' }).click();
    await phone.getByText('Demande envoyée').waitFor();
    await assertAccessible(phone, 'a profile after « Demander en coopain »');
    await phone.goto(`${stack.urls.site}/recherche?q=lille`, { waitUntil: 'networkidle' });
    await phone.getByRole('heading', { name: /Sections/ }).waitFor();
    await phone.getByRole('link', { name: 'Section de Lille' }).waitFor();
    await assertAccessible(phone, 'search at 320 px');
    assert.deepEqual(watch.outside, [], 'nothing asked beyond 127.0.0.1');
  });
});
