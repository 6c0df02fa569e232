import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, launchBrowser, watchOutsideRequests } from '../support/browser';
import { testStack, type TestStack } from '../support/stack';
import { DEMO_PASSWORD } from '../../infra/local/demo-data';

// The real pages, served by `next start` behind the local gateway (as npm start serves them),
// driven in Debian's Chromium.
let stack: TestStack;
let browser: Browser;

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
});
after(async () => browser?.close());

async function open(path: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: 'fr-FR' });
  const outside = watchOutsideRequests(page);
  const response = await page.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
  return { page, outside, status: response?.status() };
}


describe('landing page', () => {
  test('says what Coopol is, in French, accessibly, with no request leaving the machine', async () => {
    const { page, outside, status } = await open('/');
    assert.equal(status, 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await page.locator('h1').innerText(), /Militer ensemble/);
    assert.equal(await page.locator('h1').count(), 1);
    const text = await page.locator('main').innerText();
    for (const word of ['section', 'fédération', 'groupes', 'tractage']) assert.match(text.toLowerCase(), new RegExp(word));
    assert.ok(await page.getByRole('link', { name: /Territoires/ }).first().isVisible());
    await assertAccessible(page);
    assert.deepEqual(outside, []);
    await page.close();
  });

  test('the postal code finder explains a bad code next to the field, then leads to the federation and the section', async () => {
    const { page, outside } = await open('/');
    const field = page.getByLabel('Code postal');
    await field.fill('6810');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('alert').filter({ hasText: '5 chiffres' }).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');

    await field.fill('99999');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('alert').filter({ hasText: '99999' }).waitFor();

    await field.fill('68100');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    // The finder names the commune's section (issue 13), and its federation.
    await page.getByRole('link', { name: 'Section de Mulhouse' }).first().waitFor();
    await page.getByRole('link', { name: 'Fédération du Haut-Rhin' }).first().click();
    await page.waitForURL(/\/federations\/68$/);
    assert.match(await page.locator('h1').innerText(), /Fédération du Haut-Rhin/);

    await page.getByRole('link', { name: /Section de Mulhouse/ }).first().click();
    await page.waitForURL(/\/sections\/mulhouse$/);
    assert.match(await page.locator('h1').innerText(), /Section de Mulhouse/);
    assert.deepEqual(outside, []);
    await page.close();
  });

  test('fits a phone screen without sideways scrolling', async () => {
    const { page } = await open('/', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow}px of horizontal overflow`);
    await page.close();
  });
});

describe('territory pages', () => {
  test('a section page shows the section, its federation and region, accessibly', async () => {
    const { page, outside, status } = await open('/sections/mulhouse');
    assert.equal(status, 200);
    assert.match(await page.locator('h1').innerText(), /Section de Mulhouse/);
    const main = await page.locator('main').innerText();
    assert.match(main, /tractage au marché/);
    const breadcrumb = page.getByRole('navigation', { name: /fil d’ariane|fil d'ariane/i });
    assert.match(await breadcrumb.innerText(), /Grand Est[\s\S]*Fédération du Haut-Rhin/);
    assert.match(main, /Section de Colmar/, 'other sections of the federation');
    await assertAccessible(page);
    assert.deepEqual(outside, []);
    await page.close();
  });

  test('regions list metropolitan and overseas regions, and lead to their federations', async () => {
    const { page } = await open('/territoires');
    await page.getByRole('link', { name: /Grand Est/ }).first().click();
    await page.waitForURL(/\/territoires\/regions\/44$/);
    assert.match(await page.locator('main').innerText(), /Fédération du Bas-Rhin/);
    await assertAccessible(page);
    await page.close();
  });

  test('an unknown section is a French 404 page', async () => {
    const { page, status } = await open('/sections/nulle-part');
    assert.equal(status, 404);
    assert.match(await page.locator('main').innerText(), /introuvable|n’existe pas|n'existe pas/i);
    await page.close();
  });
});

describe('pages protect their visitors', () => {
  test('a page carries a CSP whose nonce is on every script, and runs no script without it', async () => {
    const { page, status } = await open('/');
    assert.equal(status, 200);
    const response = await page.request.get(`${stack.urls.site}/`);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.equal(headers['referrer-policy'], 'same-origin');
    // A new nonce for each answer, and the page's own scripts carry the one of its answer.
    const again = (await page.request.get(`${stack.urls.site}/`)).headers()['content-security-policy'];
    assert.notEqual(/'nonce-([^']+)'/.exec(again ?? '')?.[1], nonce);
    // Every script the server writes into the page carries its answer's nonce; the chunks Next's
    // runtime adds later (a lazily loaded component) run by 'strict-dynamic', trusted from those.
    const html = await response.text();
    const written = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(written.length > 0);
    assert.deepEqual(written.filter((tag) => !tag.includes(`nonce="${nonce}"`)), [], 'every script written in the page has the nonce');
    assert.match(csp, /'strict-dynamic'/);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.nonce));
    assert.ok(scripts.filter((n) => (n ?? '').length > 0).length >= written.length, 'the page runs with its nonced scripts');
    // Markup injected into the page (what an XSS would slip in) runs nothing: no inline handler, no
    // parser-inserted script without the nonce.
    const ran = await page.evaluate(async () => {
      const box = document.createElement('div');
      box.innerHTML = '<img src="data:," onerror="window.__injected = true" alt="">';
      document.body.append(box);
      document.write('<script>window.__written = true</scr' + 'ipt>');
      await new Promise((r) => setTimeout(r, 200));
      const w = window as unknown as { __injected?: boolean; __written?: boolean };
      return { handler: w.__injected === true, written: w.__written === true };
    });
    assert.deepEqual(ran, { handler: false, written: false });
    await page.close();
  });

  test('another site cannot frame Coopol', async () => {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => refusals.push(message.text()));
    await page.setContent(`<iframe src="${stack.urls.site}/connexion" title="x"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const framedText = await frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    assert.doesNotMatch(framedText ?? '', /Connexion|Mot de passe/);
    assert.ok(refusals.some((text) => /frame-ancestors|X-Frame-Options/i.test(text)), refusals.join('\n'));
    await page.close();
  });

  test('signing in from a link whose « suite » points off-site lands on Coopol', async () => {
    for (const suite of ['/%09/evil.example/', '//evil.example/', '/%5Cevil.example/']) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto(`${stack.urls.site}/connexion?suite=${suite}`);
      await page.getByLabel('Adresse e-mail').fill('sympathisant@coopol.example');
      await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      assert.equal(new URL(page.url()).origin, stack.urls.site, `${suite} → ${page.url()}`);
      await context.close();
    }
  });
});
