import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage } from '../support/browser';
import { createTestPerson, signInAgain } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';

// « Déconnecter tous mes appareils » on the profile page, in Debian's Chromium, at a phone's width.
let stack: TestStack;
let browser: Browser;
const watch = { contexts: [] as BrowserContext[], outside: [] as string[] };

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
});
after(async () => {
  for (const context of watch.contexts) await context.close();
  await browser?.close();
});

describe('my sessions, through the site', () => {
  test('« Déconnecter tous mes appareils » ends the session on another device, and this one', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.web@coopol.example', postalCode: '68100' });
    const otherDevice = await signInAgain(stack, owner);
    const page = await signedInPage(browser, stack.urls.site, owner, watch, { width: 320, height: 800 });

    await page.goto(`${stack.urls.site}/profil`, { waitUntil: 'networkidle' });
    const button = page.getByRole('button', { name: 'Déconnecter tous mes appareils' });
    await button.scrollIntoViewIfNeeded();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'no sideways scroll at 320 px');
    const violations = await seriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await button.click();

    await page.waitForURL(/\/connexion\?deconnecte=1$/);
    await page.getByText('Tous vos appareils sont déconnectés').waitFor();
    assert.deepEqual((await page.context().cookies()).filter((c) => c.name.startsWith('coopol_')), []);
    const other = await api(stack, '/api/me/profile', { headers: { authorization: `Bearer ${otherDevice.idToken}` } });
    assert.equal(other.status, 401, 'the other device is signed out');
    const renewed = await api(stack, '/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: otherDevice.refreshToken }),
    });
    assert.equal(renewed.status, 401, 'and cannot renew its session');
    assert.deepEqual(watch.outside, []);
  });
});
