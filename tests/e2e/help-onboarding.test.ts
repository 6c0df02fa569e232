import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage } from '../support/browser';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// A new supporter through the real pages, in Chromium, at phone width: the three onboarding steps
// (no party functions asked of a supporter), a group suggested by her interest and joined, then the
// feed's « Premiers pas » ticking itself as she acts; the help centre searched, and a « ? » reaching
// its page. Every page at 320 px without sideways scroll, axe without serious or critical violations.

let stack: TestStack;
let browser: Browser;
const run = randomUUID().slice(0, 6);
const watch: { contexts: BrowserContext[]; outside: string[] } = { contexts: [], outside: [] };
let newcomer: TestPerson;
let animator: TestPerson;
const groupName = `Jardins partagés ${run}`;

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  [newcomer, animator] = await Promise.all([
    createTestPerson(stack, { email: `clemence-${run}@coopol.example`, givenName: 'Clémence', familyName: 'Nouvelle', postalCode: '35000' }),
    createTestPerson(stack, { email: `gael-${run}@coopol.example`, givenName: 'Gaël', familyName: 'Jardin', postalCode: '35000', member: { memberNumber: `HO${run.toUpperCase()}1`, sectionId: 'rennes' } }),
  ]);
  const group = await call(stack, animator, 'POST', '/api/groups', { name: groupName, kind: 'open', audience: 'all', description: `Le jardinage en ville ${run}` });
  assert.equal(group.status, 201);
});
after(async () => {
  await Promise.all(watch.contexts.map((c) => c.close()));
  await browser?.close();
  assert.deepEqual(watch.outside, [], 'no request leaves the machine');
});

async function check(page: Page, where: string) {
  await page.waitForFunction(() => document.title !== '');
  const violations = await seriousAccessibilityViolations(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${where} scrolls sideways at ${page.viewportSize()?.width} px`);
}
const main = (page: Page) => page.locator('main').innerText();

describe('a new supporter’s first steps', () => {
  let page: Page;

  test('onboarding: a photo (skipped), her interests — no party functions for a supporter —, then a suggested group joined', async () => {
    page = await signedInPage(browser, stack.urls.site, newcomer, watch, { width: 320, height: 720 });
    await page.goto(`${stack.urls.site}/bienvenue`, { waitUntil: 'networkidle' });
    assert.match(await main(page), /Étape 1 sur 3|Votre photo/);
    assert.match(await main(page), /sympathisant/i);
    await check(page, '/bienvenue (photo)');
    await page.getByRole('link', { name: 'Plus tard, continuer' }).click();
    await page.waitForURL(/etape=2/);

    assert.equal(await page.getByRole('checkbox', { name: 'Secrétaire fédéral·e' }).count(), 0, 'no party functions asked of a supporter');
    assert.match(await main(page), /données sensibles/);
    await check(page, '/bienvenue (interests)');
    await page.getByLabel('Sujets qui vous tiennent à cœur').fill('jardinage, vélo');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/etape=3/);

    const suggestion = page.locator('li', { hasText: groupName });
    assert.match(await suggestion.innerText(), /parle de «\s*jardinage\s*»/, 'the group says which interest brought it');
    await check(page, '/bienvenue (suggestions)');
    await page.getByRole('button', { name: `Rejoindre le groupe : ${groupName}` }).click();
    await page.waitForFunction((name) => !document.querySelector('main')!.textContent!.includes(name), groupName);

    await page.getByRole('button', { name: 'Terminer et voir mon fil' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  test('the feed’s « Premiers pas » ticks itself as she acts, and can be closed', async () => {
    const checklist = page.locator('section[aria-labelledby="first-steps-title"]');
    assert.match(await checklist.innerText(), /1 sur 5/);
    assert.match(await checklist.innerText(), /Rejoindre un groupe\s*\(fait\)/);
    assert.equal(await checklist.getByRole('link', { name: 'Publier un premier message' }).count(), 1, 'what is left to do is a link');
    await check(page, '/ (feed with « Premiers pas »)');

    // She posts (through the API, the composer has its own tests): the line ticks itself.
    assert.equal((await call(stack, newcomer, 'POST', '/api/posts', { space: { type: 'profile', id: newcomer.userId }, text: `Bonjour ${run}` })).status, 201);
    await page.reload({ waitUntil: 'networkidle' });
    assert.match(await checklist.innerText(), /2 sur 5/);
    assert.match(await checklist.innerText(), /Publier un premier message\s*\(fait\)/);

    // « Visite guidée de la page » (driver.js, loaded when pressed): five stops, each on its element of the page.
    await checklist.getByRole('button', { name: 'Visite guidée de la page' }).click();
    const popover = page.locator('.driver-popover');
    const stops = [
      { title: 'Premiers pas', element: '#first-steps-title' },
      { title: 'Publier', element: 'section[aria-labelledby="composer-title"]' },
      { title: 'Votre fil', element: '#feed-title' },
      { title: 'Alertes', element: 'nav[data-phone-nav] summary' },
      { title: 'Besoin d’aide ?', element: 'header a[href="/aide"]' },
    ];
    for (const [index, stop] of stops.entries()) {
      await popover.locator('.driver-popover-progress-text', { hasText: `${index + 1} sur 5` }).waitFor();
      assert.equal(await popover.locator('.driver-popover-title').innerText(), stop.title);
      // The stop lights up its element of the page (driver.js marks it once it has moved there).
      await page.waitForFunction((selector) => document.querySelector('.driver-active-element')?.matches(selector) === true, stop.element, { timeout: 5_000 });
      assert.equal(await page.locator('.driver-active-element').count(), 1, 'only the stop’s element is lit');
      if (stop.title === 'Alertes') assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the tour does not widen the page');
      assert.equal(await popover.getByRole('button', { name: 'Fermer la visite' }).count(), 1, 'its close button is named in French');
      await popover.getByRole('button', { name: index === stops.length - 1 ? 'Terminer' : 'Suivant' }).click();
    }
    await popover.waitFor({ state: 'detached' });

    await checklist.getByRole('button', { name: 'Masquer cette liste' }).click();
    await page.waitForFunction(() => !document.querySelector('main')!.textContent!.includes('Premiers pas'));
    await page.reload({ waitUntil: 'networkidle' });
    assert.doesNotMatch(await main(page), /Premiers pas/, 'closed for good');
  });

  test('the help centre is searched, and a « ? » on a screen reaches its page', async () => {
    // « Aide » is in the header of every signed-in page, on a phone too.
    await page.locator('header').getByRole('link', { name: 'Aide' }).click();
    await page.waitForURL((url) => url.pathname === '/aide');
    await page.waitForLoadState('networkidle');
    await check(page, '/aide');
    await page.getByLabel('Que voulez-vous faire ?').fill('creneau');
    const list = page.getByRole('list', { name: 'Pages d’aide' });
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Pages d’aide"] li').length < 5);
    assert.match(await list.innerText(), /S’inscrire à un créneau/, 'accents need not be typed');
    assert.doesNotMatch(await list.innerText(), /Régler qui voit mon profil/);
    await list.getByRole('link', { name: 'S’inscrire à un créneau' }).click();
    await page.waitForURL(/\/aide\/s-inscrire-a-un-creneau$/);
    assert.match(await main(page), /Je m’inscris/);
    await check(page, '/aide/s-inscrire-a-un-creneau');

    await page.goto(`${stack.urls.site}/groupes`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Aide : Rejoindre un groupe' }).click();
    await page.waitForURL(/\/aide\/rejoindre-un-groupe$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Rejoindre un groupe');

    // Without JavaScript, the same search answers from the server.
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 }, locale: 'fr-FR' });
    watch.contexts.push(plain);
    const noJs = await plain.newPage();
    await noJs.goto(`${stack.urls.site}/aide?q=vague`, { waitUntil: 'networkidle' });
    const found = await noJs.getByRole('list', { name: 'Pages d’aide' }).innerText();
    assert.match(found, /Ouvrir une vague/);
    assert.doesNotMatch(found, /Publier dans ma section/);
  });

  test('a web referent finds the guide of her role', async () => {
    const referent = await createTestPerson(stack, {
      email: `rose-${run}@coopol.example`, givenName: 'Rose', familyName: 'Guide', postalCode: '35000',
      member: { memberNumber: `HO${run.toUpperCase()}2`, sectionId: 'rennes' },
      grants: [{ role: 'web-referent', scopeType: 'section', scopeId: 'rennes' }],
    });
    const referentPage = await signedInPage(browser, stack.urls.site, referent, watch, { width: 320, height: 720 });
    await referentPage.goto(`${stack.urls.site}/aide`, { waitUntil: 'networkidle' });
    await referentPage.getByRole('link', { name: 'Ouvrir mon guide' }).click();
    await referentPage.waitForURL(/\/aide\/guide$/);
    assert.match(await main(referentPage), /Guide du référent web/);
    assert.doesNotMatch(await main(referentPage), /Guide du secrétaire de section/);
    await check(referentPage, '/aide/guide');
    // A supporter has no role: no guide offered.
    await page.goto(`${stack.urls.site}/aide`, { waitUntil: 'networkidle' });
    assert.equal(await page.getByRole('link', { name: 'Ouvrir mon guide' }).count(), 0);
  });
});

describe('the field reports’ dashboard', () => {
  test('its chart has a title, a scale and a legend, it opens on the latest month with reports and shows the remarks', async () => {
    const secretary = await createTestPerson(stack, {
      email: `sec-lille-${run}@coopol.example`, postalCode: '59000',
      member: { memberNumber: `HO${run.toUpperCase()}3`, sectionId: 'lille' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'lille' }],
      mfa: true,
    });
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 8));
    const created = await call(stack, secretary, 'POST', '/api/events', {
      space: { type: 'section', id: 'lille' }, kind: 'tractage', title: `Tractage ${run}`,
      start: start.toISOString(), end: new Date(start.getTime() + 7200_000).toISOString(), place: { address: 'Lille' }, visibility: 'section',
    });
    assert.equal(created.status, 201);
    await call(stack, secretary, 'PUT', `/api/events/${created.body.id as string}/report`, { leaflets: 250, doors: 10, peopleReached: 30, contacts: 1, remarks: `Beaucoup de questions sur les transports ${run}` });
    const page = await signedInPage(browser, stack.urls.site, secretary, watch, { width: 320, height: 720 });
    await page.goto(`${stack.urls.site}/remontees/section/lille`, { waitUntil: 'networkidle' });
    const text = await main(page);
    assert.match(text, /Tracts distribués, mois par mois/);
    assert.match(text, /le mois détaillé ci-dessous/);
    assert.match(text, new RegExp(`Beaucoup de questions sur les transports ${run}`), 'the remarks are shown');
    await check(page, '/remontees/section/lille');
  });
});
