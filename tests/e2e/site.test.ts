import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, launchBrowser, seriousAccessibilityViolations, watchOutsideRequests } from '../support/browser';
import { testStack, type TestStack } from '../support/stack';

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

async function assertAccessible(page: Page) {
  const violations = await seriousAccessibilityViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
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
    await page.getByText('Mulhouse', { exact: true }).first().waitFor();
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
