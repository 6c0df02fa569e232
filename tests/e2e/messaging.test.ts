import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, assertFitsWidth, launchBrowser, signedInPage } from '../support/browser';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Live messaging in Chromium (issue 15), two people in two browser contexts and a third outside:
// Anaïs writes to Bruno from his profile; Bruno's open inbox shows it and his badge goes to 1 without
// a reload; he reads it on a second tab, and the first tab's badge goes back to 0 by itself; he
// answers, and Anaïs's open conversation shows the answer without a reload; her edit reaches him the
// same way; Bruno reports it. A message typed offline waits, then is sent once when the connection is back. Chloé, who
// is in neither, has an empty inbox and gets the not-found page on the conversation. Anaïs blocks
// Chloé from her profile: « Écrire » then says why not, and « Débloquer » on her own profile undoes it.
// The delivery time is measured by the benchmark (`npm run bench`), not asserted here.

let stack: TestStack;
let browser: Browser;
const run = randomUUID().slice(0, 6);
const watch: { contexts: BrowserContext[]; outside: string[] } = { contexts: [], outside: [] };
let anais: TestPerson;
let bruno: TestPerson;
let chloe: TestPerson;
let conversationPath = '';
const first = `Bonjour Bruno, tu viens au tractage de samedi ? ${run}`;
const answer = `Oui, je serai là à 9 h ${run}`;
const edited = `Bonjour Bruno, tu viens au tractage de samedi au marché ? ${run}`;
const offline = `Écrit hors ligne ${run}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  const member = (email: string, givenName: string, n: number) =>
    createTestPerson(stack, { email: `${email}-${run}@coopol.example`, givenName, familyName: 'Messagerie', postalCode: '59000', member: { memberNumber: `MS${run.toUpperCase()}${n}`, sectionId: 'lille' } });
  [anais, bruno, chloe] = await Promise.all([member('anais', 'Anaïs', 1), member('bruno', 'Bruno', 2), member('chloe', 'Chloé', 3)]);
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  for (const person of [anais, bruno, chloe]) await PersonEntity.patch({ userId: person.userId }).set({ onboarded: true }).go();
});
after(async () => {
  await Promise.all(watch.contexts.map((c) => c.close()));
  await browser?.close();
});


const badge = (page: Page) => page.locator('header [data-messages-unread]').getAttribute('data-messages-unread').then(Number);
const untilBadge = (page: Page, count: number) =>
  page.waitForFunction((n) => Number(document.querySelector('header [data-messages-unread]')?.getAttribute('data-messages-unread')) === n, count, { timeout: 20_000 });
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { stillHere: number }).stillHere = Math.random()));
const stillHere = (page: Page) => page.evaluate(() => (window as unknown as { stillHere?: number }).stillHere);

describe('Anaïs and Bruno write to each other, live', () => {
  let anaisPage: Page;
  let brunoInbox: Page;
  let brunoChat: Page;
  let inboxMarker = 0;

  test('Anaïs writes to Bruno from his profile; her message is in the conversation', async () => {
    // Bruno's inbox is open, empty, before anything is written.
    brunoInbox = await signedInPage(browser, stack.urls.site, bruno, watch, { width: 1280, height: 900 });
    await brunoInbox.goto(`${stack.urls.site}/messages`, { waitUntil: 'networkidle' });
    await brunoInbox.getByText('Aucune conversation pour l’instant.').waitFor();
    assert.equal(await badge(brunoInbox), 0);
    inboxMarker = await mark(brunoInbox);

    anaisPage = await signedInPage(browser, stack.urls.site, anais, watch, { width: 1280, height: 900 });
    await anaisPage.goto(`${stack.urls.site}/personnes/${bruno.userId}`, { waitUntil: 'networkidle' });
    await anaisPage.getByRole('button', { name: 'Écrire à Bruno Messagerie' }).click();
    await anaisPage.waitForURL(/\/messages\/d\./);
    conversationPath = new URL(anaisPage.url()).pathname;
    await anaisPage.getByRole('heading', { level: 1, name: 'Bruno Messagerie' }).waitFor();
    await anaisPage.getByText('Aucun message pour l’instant').waitFor();
    await anaisPage.waitForLoadState('networkidle');
    const composer = anaisPage.getByRole('textbox', { name: 'Votre message' });
    await composer.fill(first);
    await composer.press('Enter');
    await anaisPage.locator('[data-message-id]', { hasText: first }).waitFor();
    assert.equal(await anaisPage.locator('[data-pending]').count(), 0, 'nothing left to send');
    assert.equal(await composer.inputValue(), '', 'the composer is emptied');
  });

  test('Bruno’s open inbox shows it and his badge goes to 1, without a reload', async () => {
    const entry = brunoInbox.locator('[data-inbox] li', { hasText: 'Anaïs Messagerie' });
    await entry.waitFor({ timeout: 20_000 });
    await untilBadge(brunoInbox, 1);
    assert.match((await entry.textContent()) ?? '', new RegExp(`Anaïs Messagerie\\s*:\\s*Bonjour Bruno`));
    await entry.getByText('1 non lu').waitFor();
    assert.equal(await stillHere(brunoInbox), inboxMarker, 'the same page, not reloaded');
  });

  test('he reads it on a second tab: the first tab’s badge goes back to 0 by itself', async () => {
    brunoChat = await brunoInbox.context().newPage();
    await brunoChat.goto(`${stack.urls.site}${conversationPath}`, { waitUntil: 'networkidle' });
    await brunoChat.locator('[data-message-id]', { hasText: first }).waitFor();
    await brunoChat.getByText('Nouveaux messages').waitFor();
    await brunoInbox.bringToFront();
    await untilBadge(brunoInbox, 0);
    await brunoInbox.locator('[data-inbox] li', { hasText: 'Anaïs Messagerie' }).getByText('1 non lu').waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await stillHere(brunoInbox), inboxMarker, 'the same page, not reloaded');
  });

  test('Bruno answers; Anaïs’s open conversation shows it without a reload', async () => {
    const marker = await mark(anaisPage);
    await brunoChat.bringToFront();
    const composer = brunoChat.getByRole('textbox', { name: 'Votre message' });
    await composer.fill(answer);
    await brunoChat.getByRole('button', { name: 'Envoyer' }).click();
    await brunoChat.locator('[data-message-id]', { hasText: answer }).waitFor();
    await anaisPage.bringToFront();
    await anaisPage.locator('[data-message-id]', { hasText: answer }).waitFor({ timeout: 20_000 });
    assert.equal(await stillHere(anaisPage), marker, 'the same page, not reloaded');
    // Her badge counts nothing: the conversation is open in view, read as it arrives.
    await untilBadge(anaisPage, 0);
  });

  test('Anaïs edits her message; Bruno sees the new text, marked edited, without a reload', async () => {
    const marker = await mark(brunoChat);
    const mine = anaisPage.locator('[data-message-id]', { hasText: first });
    await mine.getByRole('button', { name: 'Modifier' }).click();
    const editor = anaisPage.getByRole('textbox', { name: 'Modifier votre message' });
    await editor.fill(edited);
    await anaisPage.getByRole('button', { name: 'Enregistrer' }).click();
    await anaisPage.locator('[data-message-id]', { hasText: edited }).getByText('(modifié)').waitFor();
    await brunoChat.locator('[data-message-id]', { hasText: edited }).getByText('(modifié)').waitFor({ timeout: 20_000 });
    assert.equal(await stillHere(brunoChat), marker, 'the same page, not reloaded');
    // Bruno may not change Anaïs's message: no action offered on it.
    assert.equal(await brunoChat.locator('[data-message-id]', { hasText: edited }).getByRole('button', { name: 'Modifier' }).count(), 0);
  });

  test('Bruno reports one of Anaïs’s messages to the national team, from the message itself', async () => {
    const theirs = brunoChat.locator('[data-message-id]', { hasText: edited });
    await theirs.getByRole('button', { name: 'Signaler' }).click();
    await brunoChat.getByRole('textbox', { name: /Pourquoi signalez-vous ce message/ }).fill('Message de test, à ignorer');
    await brunoChat.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await theirs.getByText('Signalé à l’équipe nationale de modération. Merci.').waitFor();
    // His own messages offer no « Signaler ».
    assert.equal(await brunoChat.locator('[data-message-id]', { hasText: answer }).getByRole('button', { name: 'Signaler' }).count(), 0);
  });

  test('a message typed offline waits, then is sent once when the connection is back', async () => {
    await anaisPage.context().setOffline(true);
    await anaisPage.getByText('Vous êtes hors ligne').waitFor();
    const composer = anaisPage.getByRole('textbox', { name: 'Votre message' });
    await composer.fill(offline);
    await composer.press('Enter');
    await anaisPage.locator('[data-pending="waiting"]', { hasText: offline }).waitFor();
    await anaisPage.getByText('Pas encore envoyé').waitFor();
    await anaisPage.context().setOffline(false);
    await anaisPage.locator('[data-message-id]', { hasText: offline }).waitFor({ timeout: 20_000 });
    assert.equal(await anaisPage.locator('[data-pending]').count(), 0);
    await brunoChat.locator('[data-message-id]', { hasText: offline }).waitFor({ timeout: 20_000 });
    const conversationId = decodeURIComponent(conversationPath.split('/').at(-1)!);
    const history = await call(stack, bruno, 'GET', `/api/conversations/${conversationId}/messages?limit=50`);
    assert.equal(history.status, 200);
    const texts = (history.body.items as { text: string }[]).map((m) => m.text);
    assert.equal(texts.filter((text) => text === offline).length, 1, 'stored once');
    assert.deepEqual(texts.slice(0, 3), [offline, answer, edited], 'newest first');
  });

  test('Anaïs sends a file alone; Bruno sees it arrive and downloads it; Chloé may not', async () => {
    const name = `Tract ${run}.pdf`;
    await anaisPage.getByText('Joindre des fichiers').click();
    await anaisPage.getByLabel('Joindre un fichier').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await anaisPage.getByText(`« ${name} » est prêt à être envoyé.`).waitFor();
    await anaisPage.getByRole('button', { name: 'Envoyer' }).click();
    await anaisPage.locator('[data-message-id]').getByRole('link', { name: `Télécharger « ${name} »` }).waitFor();
    // Sent, the composer holds no file any more.
    await anaisPage.getByText('Joindre des fichiers').waitFor();
    const link = brunoChat.locator('[data-message-id]').getByRole('link', { name: `Télécharger « ${name} »` });
    await link.waitFor({ timeout: 20_000 });
    const href = (await link.getAttribute('href'))!;
    const file = await brunoChat.request.get(`${stack.urls.site}${href}`);
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), pdf);
    const chloePage = await signedInPage(browser, stack.urls.site, chloe, watch, { width: 1280, height: 900 });
    const refused = await chloePage.request.get(`${stack.urls.site}${href}`, { maxRedirects: 0 });
    assert.equal(refused.status(), 404);
    await chloePage.close();
  });

  test('without JavaScript, Bruno’s composer still sends, and a refused message is told above it, what he typed kept', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 }, locale: 'fr-FR' });
    watch.contexts.push(context);
    await context.addCookies(['coopol_id', 'coopol_access'].map((name, i) => ({ name, value: i ? bruno.accessToken : bruno.idToken, url: stack.urls.site, httpOnly: true, sameSite: 'Lax' as const })));
    const plain = await context.newPage();
    await plain.goto(`${stack.urls.site}${conversationPath}`, { waitUntil: 'networkidle' });
    const composer = plain.getByRole('textbox', { name: 'Votre message' });
    const sent = `Sans JavaScript ${run}`;
    await composer.fill(sent);
    await plain.getByRole('button', { name: 'Envoyer' }).click();
    await plain.locator('[data-message-id]', { hasText: sent }).waitFor();
    // Spaces only pass the browser's « required », not the API: the page says why.
    await composer.fill('   ');
    await plain.getByRole('button', { name: 'Envoyer' }).click();
    await plain.getByRole('alert').filter({ hasText: 'écrivez un message ou joignez un fichier' }).waitFor();
    await assertFitsWidth(plain);
    await context.close();
  });

  test('Chloé, in neither, has an empty inbox and gets the not-found page on the conversation', async () => {
    const page = await signedInPage(browser, stack.urls.site, chloe, watch, { width: 1280, height: 900 });
    await page.goto(`${stack.urls.site}/messages`, { waitUntil: 'networkidle' });
    await page.getByText('Aucune conversation pour l’instant.').waitFor();
    const response = await page.goto(`${stack.urls.site}${conversationPath}`);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { name: 'Cette page est introuvable' }).waitFor();
    assert.equal(await page.getByText(first).count() + (await page.getByText(edited).count()), 0);
  });

  test('Anaïs blocks Chloé: « Écrire » then says why not; « Débloquer » on her profile undoes it', async () => {
    await anaisPage.goto(`${stack.urls.site}/personnes/${chloe.userId}`, { waitUntil: 'networkidle' });
    await anaisPage.getByText('Bloquer', { exact: true }).click();
    await anaisPage.getByRole('button', { name: 'Oui, bloquer' }).click();
    await anaisPage.getByText('Vous avez bloqué Chloé Messagerie.').waitFor();
    await anaisPage.getByRole('button', { name: 'Écrire à Chloé Messagerie' }).click();
    await anaisPage.getByRole('alert').getByText('Vous ne pouvez pas écrire à cette personne : l’un de vous a bloqué l’autre.').waitFor();
    assert.match(anaisPage.url(), /\/personnes\//, 'no conversation opened');

    await anaisPage.goto(`${stack.urls.site}/profil`, { waitUntil: 'networkidle' });
    const blocked = anaisPage.locator('#personnes-bloquees');
    await blocked.getByRole('link', { name: 'Chloé Messagerie' }).waitFor();
    await blocked.getByRole('button', { name: 'Débloquer Chloé Messagerie' }).click();
    await blocked.getByText('Vous n’avez bloqué personne.').waitFor();
  });

  test('at 320 px: the inbox and the conversation fit without sideways scroll and pass axe', async () => {
    const phone = await signedInPage(browser, stack.urls.site, bruno, watch, { width: 320, height: 640 });
    for (const path of ['/messages', conversationPath]) {
      await phone.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
      await assertFitsWidth(phone);
      await assertAccessible(phone, `${path} at 320 px`);
    }
    // The composer stays on screen above the phone's navigation bar.
    const composer = await phone.getByRole('textbox', { name: 'Votre message' }).boundingBox();
    const nav = await phone.locator('[data-phone-nav]').boundingBox();
    assert.ok(composer && nav && composer.y + composer.height <= nav.y + 1, `the composer (${JSON.stringify(composer)}) is above the navigation bar (${JSON.stringify(nav)})`);
    assert.deepEqual(watch.outside, [], 'nothing asked of another machine');
  });
});

describe('a group’s salon, in the browser', () => {
  test('Anaïs opens her group’s salon from its page; Bruno joins it from there and writes; she reads it live; at 320 px it fits and passes axe', async () => {
    const created = await call(stack, anais, 'POST', '/api/groups', { name: `Tractage ${run}`, kind: 'open', audience: 'all' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const groupPath = `/groupes/${created.body.id as string}`;
    assert.equal((await call(stack, bruno, 'POST', `/api/groups/${created.body.id as string}/join`)).status, 200);

    const anaisPage = await signedInPage(browser, stack.urls.site, anais, watch, { width: 1280, height: 900 });
    await anaisPage.goto(`${stack.urls.site}${groupPath}`, { waitUntil: 'networkidle' });
    const card = anaisPage.locator('section', { has: anaisPage.getByRole('heading', { name: 'Le salon' }) });
    await card.getByText('Ouvrez un salon').waitFor();
    await card.getByRole('button', { name: 'Ouvrir le salon' }).click();
    await anaisPage.waitForURL(/\/messages\/s\.group/);
    await anaisPage.getByRole('heading', { level: 1, name: `Salon · Groupe Tractage ${run}` }).waitFor();
    await anaisPage.getByText('1 personne dans le salon').waitFor();
    await anaisPage.waitForLoadState('networkidle');

    const brunoPage = await signedInPage(browser, stack.urls.site, bruno, watch, { width: 320, height: 640 });
    await brunoPage.goto(`${stack.urls.site}${groupPath}`, { waitUntil: 'networkidle' });
    await assertFitsWidth(brunoPage);
    await assertAccessible(brunoPage, 'a group’s page with its salon');
    await brunoPage.getByRole('button', { name: 'Rejoindre le salon' }).click();
    await brunoPage.waitForURL(/\/messages\/s\.group/);
    await brunoPage.getByText('2 personnes dans le salon').waitFor();
    await brunoPage.waitForLoadState('networkidle');
    const text = `Je prends le marché de dimanche ${run}`;
    const composer = brunoPage.getByRole('textbox', { name: 'Votre message' });
    await composer.fill(text);
    await composer.press('Enter');
    await brunoPage.locator('[data-message-id]', { hasText: text }).waitFor();
    await assertFitsWidth(brunoPage);
    await assertAccessible(brunoPage, 'a salon at 320 px');

    // Anaïs's open salon shows it without a reload.
    await anaisPage.locator('[data-message-id]', { hasText: text }).waitFor({ timeout: 15_000 });

    // She closes it from the group's page: Bruno's salon then says so in place of the composer.
    await anaisPage.goto(`${stack.urls.site}${groupPath}`, { waitUntil: 'networkidle' });
    await anaisPage.getByText('Fermer le salon', { exact: true }).click();
    await anaisPage.getByRole('button', { name: 'Oui, fermer' }).click();
    await anaisPage.getByText('Le salon est fermé').waitFor();
    await brunoPage.reload({ waitUntil: 'networkidle' });
    await brunoPage.getByText('Ce salon a été fermé par les responsables de l’espace').waitFor();
    assert.equal(await brunoPage.getByRole('textbox', { name: 'Votre message' }).count(), 0);
    assert.deepEqual(watch.outside, [], 'nothing asked of another machine');
  });
});
