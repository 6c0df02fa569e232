import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext } from 'playwright-core';
import { assertFitsWidth, describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage } from '../support/browser';
import { createTestPerson, TEST_PASSWORD } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';

// « Mes données » in Debian's Chromium, at a phone's width: the archive asked, followed and
// downloaded, its page opened; the account erased, and the password no longer signs in.
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

describe('my data, through the site', () => {
  test('a person downloads her archive and opens its page, then erases her account and can no longer sign in', { timeout: 240_000 }, async () => {
    const person = await createTestPerson(stack, { email: `donnees.web.${Date.now()}@coopol.example`, givenName: 'Octavie', familyName: 'Archive', postalCode: '68100' });
    const page = await signedInPage(browser, stack.urls.site, person, watch, { width: 320, height: 800 });
    await page.goto(`${stack.urls.site}/profil`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: /Mes données/ }).click();
    await page.waitForURL(/\/profil\/donnees$/);
    await assertFitsWidth(page);
    const violations = await seriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.screenshot({ path: '/tmp/privacy-320.png', fullPage: true }).catch(() => undefined);

    await page.getByRole('button', { name: 'Préparer mon archive' }).click();
    await page.getByText('l’archive se prépare').waitFor();
    // The page follows the progress by itself, until the archive is ready.
    const download = page.getByRole('button', { name: 'Télécharger l’archive' });
    await download.waitFor({ timeout: 180_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const zip = unzipSync(new Uint8Array(await streamBytes(await file.createReadStream())));
    const json = JSON.parse(strFromU8(zip['donnees.json']!)) as { data: Record<string, { items: { givenName?: string }[] }> };
    assert.equal(json.data['people/person']?.items[0]?.givenName, 'Octavie');

    // Its page opens in the browser, in French, offline.
    const archivePage = await page.context().newPage();
    await archivePage.setContent(strFromU8(zip['index.html']!));
    await archivePage.getByRole('heading', { name: 'Mes données sur Coopol' }).waitFor();
    await archivePage.getByRole('heading', { name: /Profil et adhésion/ }).waitFor();
    assert.match(await archivePage.content(), /Octavie/);
    await archivePage.close();

    // « Supprimer mon compte » (back on the page, as after a download): a wrong password is told next to
    // its field; the right one closes the account.
    await page.goto(`${stack.urls.site}/profil/donnees`, { waitUntil: 'networkidle' });
    await page.getByLabel('Votre mot de passe, pour confirmer').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    // Said twice: at the top of the form and next to the field.
    await page.getByText('mot de passe incorrect').first().waitFor();
    await page.getByLabel('Votre mot de passe, pour confirmer').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    await page.waitForURL(/\/connexion\?compte-supprime=1$/);
    await page.getByText('Votre compte est supprimé').waitFor();

    const signIn = await api(stack, '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: TEST_PASSWORD }) });
    assert.equal(signIn.status, 401);
    assert.deepEqual(watch.outside, []);
  });

  test('the register of processing and the privacy page list the same limits, readable at 320 px', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'fr-FR' });
    watch.contexts.push(context);
    const page = await context.newPage();
    for (const path of ['/confidentialite', '/confidentialite/registre']) {
      await page.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
      await page.getByText('Une notification', { exact: true }).waitFor();
      assert.match(await page.locator('body').innerText(), /Une notification\s+90 jours après l’avoir reçue/);
      await assertFitsWidth(page);
    }
    await page.getByRole('region', { name: 'Adhésion, sections et responsabilités' }).getByText(/Données \(\d+\)/).click();
    await page.getByText('Profil et adhésion').waitFor();
    await page.screenshot({ path: '/tmp/register-320.png', fullPage: false }).catch(() => undefined);
  });
});

describe('the transparency log, through the site', () => {
  test('a member sees on her section page who read its member list, and in « Mes données » who read her lists', { timeout: 120_000 }, async () => {
    const run = Date.now().toString(36);
    const [secretary, member] = await Promise.all([
      createTestPerson(stack, {
        email: `lecture.secretaire.${run}@coopol.example`, givenName: 'Bérénice', familyName: `Lectrice${run}`, postalCode: '35000',
        member: { memberNumber: `WL${run}1`, sectionId: 'rennes' }, grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
      }),
      createTestPerson(stack, { email: `lecture.membre.${run}@coopol.example`, givenName: 'Jade', familyName: `Lue${run}`, postalCode: '35000', member: { memberNumber: `WL${run}2`, sectionId: 'rennes' } }),
    ]);
    const read = await api(stack, '/api/sections/rennes/members?limit=100', { headers: { authorization: `Bearer ${secretary.idToken}` } });
    assert.equal(read.status, 200);

    const page = await signedInPage(browser, stack.urls.site, member, watch, { width: 320, height: 800 });
    await page.goto(`${stack.urls.site}/sections/rennes`, { waitUntil: 'networkidle' });
    const log = page.getByRole('region', { name: 'Qui a consulté la liste des membres' });
    await log.getByText(`Bérénice Lectrice${run}`).waitFor();
    assert.match(await log.innerText(), /Secrétaire de section/);
    await assertFitsWidth(page);

    await page.goto(`${stack.urls.site}/profil/donnees`, { waitUntil: 'networkidle' });
    const mine = page.getByRole('region', { name: 'Qui a consulté mes données' });
    await mine.getByText(`Bérénice Lectrice${run}`).waitFor();
    await page.getByRole('region', { name: 'Mes consentements' }).getByText(/Version 2026-06-v1/).first().waitFor();
    await assertFitsWidth(page);
    assert.deepEqual(watch.outside, []);
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
