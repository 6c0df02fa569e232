import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { assertFitsWidth, describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage } from '../support/browser';
import { waitForMail } from '../support/mail';
import { createTestPerson, signInAgain, TEST_PASSWORD } from '../support/people';
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
    await assertFitsWidth(page);
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

  test('a throttled address: the sign-in page asks for the mailed code, and the password with it signs the owner in', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.web.locked@coopol.example', postalCode: '68100' });
    // Wrong guesses from this machine, the client the API also sees behind the site's server: throttled.
    for (let i = 0; i < 6; i += 1) {
      await api(stack, '/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: owner.email, password: 'pas le bon mot de passe' }),
      });
    }
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'fr-FR' });
    watch.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.urls.site}/connexion`, { waitUntil: 'networkidle' });
    await page.getByLabel('Adresse e-mail').fill(owner.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.waitForURL(/\/connexion\?code-envoye=1/);
    await page.getByText('nous venons d’y envoyer un code').waitFor();
    await assertFitsWidth(page);
    const violations = await seriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    const mail = await waitForMail(stack, owner.email, 'Coopol : votre code pour vous connecter');
    const code = /[>](\d{6})[<]/.exec(mail.body.html ?? '')![1]!;

    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), owner.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('Code reçu par e-mail').fill(code);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/bienvenue$/);
    assert.ok((await context.cookies()).some((c) => c.name === 'coopol_id'), 'signed in');
  });
});
