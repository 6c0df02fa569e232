import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, watchOutsideRequests } from '../support/browser';
import { tinyPng } from '../support/attachments';
import { htmlPage, startLinkFixture } from '../support/link-fixture';
import { linkIn, waitForMail } from '../support/mail';
import { call, createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Three people through the real pages, in Chromium. Anne (Lille) creates a closed group and invites
// Bruno (Lille) by email; he accepts from the mail's link and posts a link (previewed by the server
// from the test's own page) and a video (a click-to-load player: nothing asked of the provider).
// Chloé (Paris, another section) asks to join: before Anne approves she sees nothing of the group's
// posts, on its page or in her feed; approved, she comments. Anne, following the conversation, is
// notified and sees the comment in her feed.

let stack: TestStack;
let browser: Browser;
let fixture: Awaited<ReturnType<typeof startLinkFixture>>;
const outside: string[][] = [];
const run = randomUUID().slice(0, 6);
let anne: TestPerson;
let bruno: TestPerson;
let chloe: TestPerson;
const groupName = `Soignantes et soignants ${run}`;
const linkText = `Notre tract sur l’hôpital ${run}`;
const videoText = `La vidéo du rassemblement ${run}`;
const commentText = `J’en distribue samedi ${run}`;
let groupPath = '';
let attachmentPath = '';
const filesText = `Le tract et le programme ${run}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  fixture = await startLinkFixture(stack, {
    '/tract': htmlPage(`<html><head><meta property="og:title" content="Tract : défendons l’hôpital public"><meta property="og:description" content="À distribuer devant les CHU."></head></html>`),
  });
  const member = (name: string, n: number, sectionId: string, postalCode: string) =>
    createTestPerson(stack, {
      email: `${name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()}-e2e-${run}@coopol.example`,
      givenName: name,
      familyName: 'Groupe',
      postalCode,
      member: { memberNumber: `GE${run.toUpperCase()}${n}`, sectionId },
    });
  [anne, bruno, chloe] = await Promise.all([member('Anne', 1, 'lille', '59000'), member('Bruno', 2, 'lille', '59000'), member('Chloé', 3, 'paris-11', '75011')]);
  // Past the welcome step (tested elsewhere).
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  for (const person of [anne, bruno, chloe]) await PersonEntity.patch({ userId: person.userId }).set({ onboarded: true }).go();
});
after(async () => {
  await browser?.close();
  await fixture?.close();
});

async function signedInPage(person: TestPerson, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  outside.push(watchOutsideRequests(page));
  await page.goto(`${stack.urls.site}/connexion?suite=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Adresse e-mail').fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  return { context, page };
}


describe('a closed group, from invitation to conversation', () => {
  let annePage: Page;
  let brunoPage: Page;
  let chloePage: Page;
  const contexts: BrowserContext[] = [];
  after(async () => Promise.all(contexts.map((c) => c.close())));

  test('Anne creates a closed group and invites Bruno by email', async () => {
    const { context, page } = await signedInPage(anne, '/groupes');
    contexts.push(context);
    annePage = page;
    await assertAccessible(page, '/groupes');
    await page.getByLabel('Nom du groupe').fill(groupName);
    await page.getByLabel('Fermé (sur demande)').check();
    await page.getByRole('button', { name: 'Créer le groupe' }).click();
    await page.waitForURL(/\/groupes\/[0-9a-z]{16}$/);
    groupPath = new URL(page.url()).pathname;
    assert.equal(await page.locator('h1').innerText(), groupName);
    await assertAccessible(page, 'a group’s page, for its manager');
    await page.getByLabel('Adresse e-mail').fill(bruno.email);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitation envoyée' }).waitFor();
  });

  test('Bruno accepts from the mail and posts a link and a video; the video loads nothing before a click', async () => {
    const mail = await waitForMail(stack, bruno.email, /vous invite dans le groupe/);
    const invitation = new URL(linkIn(mail, /\/groupes\/invitation\/[\w-]+/)).pathname;
    const { context, page } = await signedInPage(bruno, invitation);
    contexts.push(context);
    brunoPage = page;
    await assertAccessible(page, 'the invitation page');
    await page.getByRole('button', { name: 'Rejoindre le groupe' }).click();
    await page.waitForURL((url) => url.pathname === groupPath);

    // One box: the addresses written in it are found by the server (a page previewed, a video as a player).
    await page.getByLabel('Quoi de neuf ?').fill(`${linkText} : ${fixture.origin}/tract`);
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('link', { name: /Tract : défendons l’hôpital public/ }).waitFor();

    await page.getByLabel('Quoi de neuf ?').fill(`${videoText} https://www.youtube.com/watch?v=dQw4w9WgXcQ`);
    await page.getByRole('button', { name: 'Publier' }).click();
    // Visible: the author's editor, hidden until « Modifier », holds the words too.
    await page.getByText(videoText).filter({ visible: true }).waitFor();
    const play = page.getByRole('button', { name: 'Lire : YouTube' });
    await play.waitFor();
    assert.equal(await page.locator('iframe').count(), 0, 'no player before the click');
    await assertAccessible(page, 'a group’s page with posts');
  });

  test('Bruno joins an image and a PDF to a post: sent to the bucket, checked, shown inline and as a download', async () => {
    const page = brunoPage;
    await page.getByLabel('Quoi de neuf ?').fill(filesText);
    // Files and image descriptions wait behind « + ».
    await page.getByText('Joindre des fichiers ou des images').click();
    await page.getByLabel(/Description de la prochaine image/).fill('Le tract vu de près');
    await page.getByLabel('Joindre un fichier').setInputFiles({ name: 'tract.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('« tract.png » est prêt à être publié.').waitFor();
    await page.getByLabel('Joindre un fichier').setInputFiles({ name: 'Programme santé.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('« Programme santé.pdf » est prêt à être publié.').waitFor();
    await page.getByRole('button', { name: 'Publier' }).click();

    const post = page.locator('article', { hasText: filesText });
    const image = post.getByRole('img', { name: 'Le tract vu de près' });
    await image.waitFor();
    await page.waitForFunction((alt) => [...document.images].some((img) => img.alt === alt && img.complete && img.naturalWidth === 1), 'Le tract vu de près');
    const download = post.getByRole('link', { name: /Télécharger « Programme santé\.pdf »/ });
    await download.waitFor();
    attachmentPath = (await download.getAttribute('href'))!;
    const file = await page.request.get(`${stack.urls.site}${attachmentPath}`);
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), pdf);
    assert.match(file.headers()['content-disposition'] ?? '', /^attachment;/);
    await assertAccessible(page, 'a group’s page with files');
  });

  test('Chloé asks to join; until Anne approves she sees nothing of the group’s posts', async () => {
    const { context, page } = await signedInPage(chloe, groupPath);
    contexts.push(context);
    chloePage = page;
    assert.equal(await page.getByText(linkText).count(), 0);
    await page.getByRole('button', { name: 'Demander à rejoindre' }).click();
    await page.getByText('Votre demande attend').waitFor();
    assert.equal(await page.getByText(linkText).count(), 0);
    assert.equal(await page.getByText(videoText).count(), 0);
    await page.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Fil d’actu' }).waitFor();
    assert.equal(await page.getByText(linkText).count(), 0, 'not in her feed either');
    const file = await page.request.get(`${stack.urls.site}${attachmentPath}`, { maxRedirects: 0 });
    assert.equal(file.status(), 404, 'nor its files');
  });

  test('Anne approves and follows Bruno’s post; Chloé comments; Anne is notified and sees the comment in her feed', async () => {
    await annePage.reload({ waitUntil: 'networkidle' });
    await annePage.getByRole('button', { name: /Accepter : Chloé Groupe/ }).click();
    await annePage.getByRole('heading', { name: 'Demandes en attente' }).waitFor({ state: 'detached' });
    // Anne opens Bruno's post and follows its conversation.
    const linkPost = annePage.locator('article', { hasText: linkText });
    await linkPost.getByRole('link', { name: 'Commenter' }).click();
    await annePage.waitForURL(/\/publications\//);
    const postPath = new URL(annePage.url()).pathname;
    await annePage.getByRole('button', { name: 'Suivre la conversation' }).click();
    await annePage.getByRole('button', { name: 'Ne plus suivre' }).waitFor();

    await chloePage.goto(`${stack.urls.site}${postPath}`, { waitUntil: 'networkidle' });
    await assertAccessible(chloePage, 'a post and its conversation');
    await chloePage.getByLabel('Votre commentaire').fill(commentText);
    await chloePage.getByRole('button', { name: 'Commenter' }).click();
    await chloePage.locator('ol li', { hasText: commentText }).waitFor();

    // The bell counts it (the stream job runs in the worker: give it a moment).
    const deadline = Date.now() + 20_000;
    for (;;) {
      await annePage.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
      const unread = Number(await annePage.locator('header [data-unread]').getAttribute('data-unread'));
      if (unread > 0) break;
      assert.ok(Date.now() < deadline, 'Anne was not notified');
      await new Promise((r) => setTimeout(r, 500));
    }
    const inFeed = annePage.locator('article', { hasText: linkText });
    await inFeed.getByText(commentText).waitFor();
    await assertAccessible(annePage, 'the home page with the feed');
    await annePage.goto(`${stack.urls.site}/notifications`, { waitUntil: 'networkidle' });
    await annePage.getByRole('link', { name: new RegExp(`Chloé Groupe a commenté .*${commentText}`) }).waitFor();
    await assertAccessible(annePage, '/notifications');

  });

  test('the feed scrolls on: older posts arrive as Chloé reaches the end; a friend request from the friends page', async () => {
    // 25 posts on Chloé's profile (through the API: the composer is exercised above), oldest first.
    for (let i = 1; i <= 25; i += 1) {
      const posted = await call(stack, chloe, 'POST', '/api/posts', { space: { type: 'profile', id: chloe.userId }, text: `Billet ${i} ${run}` });
      assert.equal(posted.status, 201);
    }
    // Her own profile's posts reach her feed through the fan-out job (in any order): wait for all 25.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const feed = await call(stack, chloe, 'GET', '/api/feed?limit=50');
      const billets = (feed.body.items as { html: string }[]).filter((post) => post.html.includes(`Billet `) && post.html.includes(run));
      if (billets.length === 25) break;
      assert.ok(Date.now() < deadline, 'the posts did not reach her feed');
      await new Promise((r) => setTimeout(r, 200));
    }
    await chloePage.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
    await chloePage.getByText(`Billet 25 ${run}`).filter({ visible: true }).waitFor();
    assert.equal(await chloePage.getByText(`Billet 1 ${run}`, { exact: true }).count(), 0, 'not on the first page');
    await chloePage.getByRole('link', { name: 'Voir plus de publications' }).scrollIntoViewIfNeeded();
    await chloePage.getByText(`Billet 1 ${run}`, { exact: true }).filter({ visible: true }).waitFor();

    await brunoPage.goto(`${stack.urls.site}/coopains`, { waitUntil: 'networkidle' });
    await assertAccessible(brunoPage, '/coopains');
    await brunoPage.getByRole('button', { name: 'Demander en coopain : Anne Groupe' }).click();
    await brunoPage.getByRole('button', { name: 'Annuler la demande : Anne Groupe' }).waitFor();
  });

  test('Chloé reports Bruno’s video; Anne, who runs the group, sees the report and hides the post: gone for Chloé', async () => {
    const video = chloePage.locator('article', { hasText: videoText });
    await chloePage.goto(`${stack.urls.site}${groupPath}`, { waitUntil: 'networkidle' });
    await video.getByRole('link', { name: 'Commenter' }).click();
    await chloePage.waitForURL(/\/publications\//);
    await chloePage.getByText('Signaler cette publication').click();
    await chloePage.getByLabel('Pourquoi la signalez-vous ?').fill('Hors sujet pour ce groupe');
    await chloePage.getByRole('button', { name: 'Signaler', exact: true }).click();
    await chloePage.getByText('les modérateurs et modératrices de cet espace ont reçu votre signalement').waitFor();

    await annePage.goto(`${stack.urls.site}${groupPath}`, { waitUntil: 'networkidle' });
    await assertAccessible(annePage, 'a group’s page for its manager');
    await annePage.getByRole('link', { name: 'Signalements du groupe' }).click();
    await annePage.getByRole('heading', { name: 'Signalements', level: 1 }).waitFor();
    const report = annePage.locator('article', { hasText: 'Hors sujet pour ce groupe' });
    await report.getByText(videoText).waitFor();
    await assertAccessible(annePage, 'the group’s reports');
    await report.getByRole('button', { name: 'Masquer la publication' }).click();
    await report.getByText('Publication masquée.').waitFor();
    // Anne blocks Bruno here: he is listed with who blocked him, and she lifts it from the list.
    await report.getByRole('button', { name: /^Bloquer Bruno Groupe/ }).click();
    const blocked = annePage.getByRole('region', { name: 'Personnes bloquées dans cet espace' });
    await blocked.getByText(/Bruno Groupe, bloqué·e par Anne Groupe le/).waitFor();
    await assertAccessible(annePage, 'the group’s reports and blocks');
    await blocked.getByRole('button', { name: 'Lever le blocage de Bruno Groupe' }).click();
    await blocked.getByText('Personne n’est bloqué dans cet espace.').waitFor();

    await chloePage.goto(`${stack.urls.site}${groupPath}`, { waitUntil: 'networkidle' });
    await chloePage.getByRole('heading', { name: 'Publications du groupe' }).waitFor();
    assert.equal(await chloePage.getByText(videoText).count(), 0, 'hidden from the group’s readers');
    // Nobody else sees the group's reports.
    const notHers = await chloePage.goto(`${stack.urls.site}/moderation/group/${groupPath.split('/').pop()}`);
    assert.equal(notHers?.status(), 404);
    assert.deepEqual(outside.flat(), [], 'no request left 127.0.0.1');
  });
});

describe('« qui peut me trouver » on the profile page', () => {
  test('Anne, found by default only by those she shares something with, opens herself to everyone signed in; the page holds at 320 px', async () => {
    const dora = await createTestPerson(stack, { email: `dora-e2e-${run}@coopol.example`, givenName: 'Dora', familyName: 'Ailleurs', postalCode: '13001' });
    const findsAnne = () =>
      call(stack, dora, 'GET', `/api/search?q=${encodeURIComponent('Anne Groupe')}`).then((r) => (r.body.people as { userId: string }[]).some((p) => p.userId === anne.userId));
    assert.equal(await findsAnne(), false, 'a supporter of Marseille shares nothing with her');

    const { context, page } = await signedInPage(anne, '/profil');
    const setting = page.getByLabel('Qui peut me trouver');
    assert.equal(await setting.inputValue(), 'connections');
    await setting.selectOption({ label: 'Toutes les personnes inscrites sur Coopol' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Vos changements sont enregistrés.').waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    assert.equal(await page.getByLabel('Qui peut me trouver').inputValue(), 'signed-in');
    await assertAccessible(page, 'the profile page');

    const deadline = Date.now() + 15_000;
    while (!(await findsAnne())) {
      assert.ok(Date.now() < deadline, 'Dora finds Anne once she allows everyone signed in');
      await new Promise((r) => setTimeout(r, 200));
    }

    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload({ waitUntil: 'networkidle' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const widest = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
    );
    assert.ok(overflow <= 0, `sideways scroll of ${overflow}px at 320 px: ${widest.join(', ')}`);
    await context.close();
    assert.deepEqual(outside.flat(), [], 'no request left 127.0.0.1');
  });
});
