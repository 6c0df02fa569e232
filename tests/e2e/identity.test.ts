import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, watchOutsideRequests } from '../support/browser';
import { api, testStack, type TestStack } from '../support/stack';

// Identity through the real pages: sign-up, the code from the mail viewer, confirmation with the
// password chosen there (which signs in), onboarding, the person's own space, sign-out and sign-in —
// in Debian's Chromium, against the local stack.
let stack: TestStack;
let browser: Browser;

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
});
after(async () => browser?.close());

const PASSWORD = 'Vert-Ocean-Tranquille-42';

async function newPage(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; outside: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  return { context, page, outside: watchOutsideRequests(page) };
}


/** The form's own message (Next's route announcer is an alert too). */
const formAlert = (page: Page) => page.locator('form [role="alert"]');

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** The 6-digit code of the last mail sent to `email` (once it received `count` at least), read from the SES emulator's store. */
async function codeMailedTo(email: string, count = 1): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const store = (await (await fetch(new URL('store', stack.urls.mailViewer))).json()) as { emails: StoredMail[] };
    const mails = store.emails.filter((m) => m.destination.to.includes(email));
    const mail = mails.length >= count ? mails.at(-1) : undefined;
    if (mail) {
      const text = mail.body.text ?? (mail.body.html ?? '').replace(/<[^>]+>/g, ' ');
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      assert.ok(code, `a 6-digit code in « ${mail.subject} »`);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail reached ${email} in the mail viewer`);
}

describe('a new supporter, through the site', () => {
  const email = `lea.${Date.now()}@coopol.example`;
  let context: BrowserContext;
  let page: Page;
  let outside: string[];

  before(async () => ({ context, page, outside } = await newPage()));
  after(async () => context?.close());

  test('signs up (no password yet): each problem is told next to its field, then the code is asked for', async () => {
    const response = await page.goto(`${stack.urls.site}/inscription`, { waitUntil: 'networkidle' });
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('input[type="password"]').count(), 0, 'the password is chosen with the code, not here');
    await assertAccessible(page);

    await page.getByLabel('Prénom').fill('Léa');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Code postal').fill('68100');
    // Consent left unticked: refused, next to the box, and what was typed stays.
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await formAlert(page).waitFor();
    const consent = page.getByRole('checkbox', { name: /J’accepte que Coopol traite ces informations/ });
    assert.equal(await consent.getAttribute('aria-invalid'), 'true');
    const describedBy = (await consent.getAttribute('aria-describedby')) ?? '';
    const errorText = await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).innerText();
    assert.match(errorText, /accord/);
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), email);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'checkbox', 'focus goes to the field in error');
    await assertAccessible(page);

    await consent.check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/inscription\/confirmer\?email=/);
    assert.match(await page.locator('main').innerText(), new RegExp(email.replace(/[.]/g, '\\.')));
  });

  test('asks for a new code; confirms with it and the password chosen there, each problem told next to its field', async () => {
    const first = await codeMailedTo(email);
    await page.getByRole('button', { name: 'Renvoyer le code' }).click();
    await page.getByRole('status').filter({ hasText: 'Un nouveau code est parti' }).waitFor();
    const second = await codeMailedTo(email, 2);
    assert.notEqual(second, first);
    await assertAccessible(page);

    // The first code no longer works (told next to the field): only the last one sent does.
    await page.getByLabel('Code reçu par e-mail').fill(first);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Confirmer et créer mon compte' }).click();
    await formAlert(page).waitFor();
    assert.equal(await page.getByLabel('Code reçu par e-mail').getAttribute('aria-invalid'), 'true');

    // A password made of one's name: refused next to the password field, with the rules as hint.
    await page.getByLabel('Code reçu par e-mail').fill(second);
    await page.getByLabel('Mot de passe', { exact: true }).fill('Martin-Martin-Martin');
    await page.getByRole('button', { name: 'Confirmer et créer mon compte' }).click();
    await page.locator('input[name="password"][aria-invalid="true"]').waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /ne reprenez pas votre nom/);
    assert.match(main, /au moins 12 caractères/, 'the password hints are shown');
    await assertAccessible(page);

    await page.getByLabel('Code reçu par e-mail').fill(second);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Confirmer et créer mon compte' }).click();
    await page.waitForURL(/\/bienvenue$/);
  });

  test('is signed in, into httpOnly cookies (nothing readable by scripts), on onboarding', async () => {
    const cookies = await context.cookies();
    const session = cookies.filter((c) => c.name.startsWith('coopol_'));
    assert.ok(session.some((c) => c.name === 'coopol_id'), 'the id token is in a cookie');
    for (const cookie of session) {
      assert.equal(cookie.httpOnly, true, `${cookie.name} is httpOnly`);
      assert.equal(cookie.sameSite, 'Lax', `${cookie.name} is SameSite=Lax`);
    }
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    assert.match(await page.locator('header').innerText(), /Léa/, 'the header greets the person');
  });

  test('completes onboarding and sees their federation (a supporter, asked no party functions)', async () => {
    const main = await page.locator('main').innerText();
    assert.match(main, /sympathisant/i);
    assert.match(main, /Fédération du Haut-Rhin/);
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Plus tard, continuer' }).click();
    await page.waitForURL(/etape=2/);

    assert.match(await page.locator('main').innerText(), /données sensibles/, 'the privacy choices are explained');
    assert.equal(await page.getByRole('checkbox', { name: 'Secrétaire fédéral·e', exact: true }).count(), 0, 'party functions are asked of members only');
    await assertAccessible(page);
    await page.getByLabel('Sujets qui vous tiennent à cœur').fill('santé, école ; logement');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/etape=3/);
    await page.getByRole('button', { name: 'Terminer et voir mon fil' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`${stack.urls.site}/profil`, { waitUntil: 'networkidle' });
    const profile = await page.locator('main').innerText();
    assert.match(profile, /Léa Martin/);
    assert.match(profile, /Sympathisant/);
    assert.match(profile, /logement/);
    await assertAccessible(page);

    await page.getByRole('link', { name: 'Fédération du Haut-Rhin' }).first().click();
    await page.waitForURL(/\/federations\/68$/);
    assert.match(await page.locator('h1').innerText(), /Fédération du Haut-Rhin/);
    assert.match(await page.locator('main').innerText(), /Responsables et membres/);
  });

  test('a section they do not belong to explains, politely, why its members are not shown', async () => {
    const response = await page.goto(`${stack.urls.site}/sections/mulhouse/membres`, { waitUntil: 'networkidle' });
    assert.equal(response?.status(), 200);
    const main = await page.locator('main').innerText();
    assert.match(main, /ne vous est pas ouverte/);
    assert.match(main, /opinion politique/);
    await assertAccessible(page);
  });

  test('signs out: the session cookies are gone and private pages ask to sign in', async () => {
    await page.goto(`${stack.urls.site}/profil`, { waitUntil: 'networkidle' });
    const refreshToken = (await context.cookies()).find((c) => c.name === 'coopol_refresh')?.value;
    assert.ok(refreshToken);
    await page.locator('header summary', { hasText: 'menu du compte' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${stack.urls.site}/`);
    assert.deepEqual((await context.cookies()).filter((c) => c.name.startsWith('coopol_')), []);
    assert.ok(await page.getByRole('link', { name: 'Se connecter' }).isVisible());
    const refreshed = await api(stack, '/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    assert.equal(refreshed.status, 401, 'the refresh token was revoked');

    await page.goto(`${stack.urls.site}/profil`, { waitUntil: 'networkidle' });
    assert.match(page.url(), /\/connexion\?suite=%2Fprofil$/);
  });

  test('signs in again: a wrong password is told, the one chosen at confirmation opens the page asked for', async () => {
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await formAlert(page).filter({ hasText: 'incorrect' }).waitFor();

    const password = page.getByLabel('Mot de passe', { exact: true });
    await password.fill(PASSWORD);
    // « Afficher » shows what was typed, and hides it again.
    const show = page.getByRole('button', { name: 'Afficher' });
    await show.click();
    assert.equal(await password.getAttribute('type'), 'text');
    assert.equal(await show.getAttribute('aria-pressed'), 'true');
    await show.click();
    assert.equal(await password.getAttribute('type'), 'password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/profil$/);
    assert.match(await page.locator('main').innerText(), /Léa Martin/);
    assert.deepEqual(outside, []);
  });
});

describe('sign-in pages', () => {
  test('sign-in and sign-up fit a phone screen, accessibly', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    for (const path of ['/connexion', '/inscription', '/inscription/confirmer?email=lea%40coopol.example&essai=00000000aAAAAAAAAAAAAAAAA', '/mot-de-passe-oublie', '/confidentialite']) {
      const response = await page.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
      assert.equal(response?.status(), 200, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path}: ${overflow}px of horizontal overflow`);
      await assertAccessible(page);
    }
    await context.close();
  });

  test('the sign-up and its confirmation work at 320 px wide, with no sideways scroll', async () => {
    const { context, page } = await newPage({ width: 320, height: 640 });
    for (const path of ['/inscription', '/inscription/confirmer?email=lea%40coopol.example&essai=00000000aAAAAAAAAAAAAAAAA']) {
      await page.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 8)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().width)}px`),
      );
      assert.ok(overflow <= 0, `${path}: ${overflow}px of horizontal overflow at 320 px: ${wide.join(', ')}`);
    }
    await context.close();
  });

  test('a forgotten password: the code form follows, and a wrong code is told next to its field', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.urls.site}/mot-de-passe-oublie`, { waitUntil: 'networkidle' });
    await page.getByLabel('Adresse e-mail').fill('sympathisant@coopol.example');
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    await page.waitForURL(/\/mot-de-passe-oublie\/nouveau\?email=/);
    await page.getByLabel('Code reçu par e-mail').fill('000000');
    await page.getByLabel('Nouveau mot de passe').fill('Une-phrase-assez-longue-2026');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await formAlert(page).waitFor();
    assert.equal(await page.getByLabel('Code reçu par e-mail').getAttribute('aria-invalid'), 'true');
    await context.close();
  });
});

describe('a member of the party, through the site', () => {
  const email = `hugo.${Date.now()}@coopol.example`;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    ({ context, page } = await newPage());
    // The national admin imports the member file through the API (TOTP on, as officials must):
    // the demo members stay in it, and Hugo joins the Colmar section.
    const { createTestPerson, call } = await import('../support/people');
    const { demoMemberFile } = await import('../../infra/local/demo-data');
    const admin = await createTestPerson(stack, {
      email: `e2e.admin.${Date.now()}@coopol.example`,
      postalCode: '75011',
      grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
      mfa: true,
    });
    const imported = await call(stack, admin, 'POST', '/api/member-file', `${demoMemberFile()}\nE2E00001;Garnier;Hugo;${email};colmar`, 'text/csv');
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.created, 1);
  });
  after(async () => context?.close());

  test('signs up with the address of the member file and is shown as adhérent of their section', async () => {
    await page.goto(`${stack.urls.site}/inscription`, { waitUntil: 'networkidle' });
    await page.getByLabel('Prénom').fill('Hugo');
    await page.getByLabel('Nom', { exact: true }).fill('Garnier');
    await page.getByLabel('Adresse e-mail').fill(email);
    // A Paris postal code: the section comes from the member file, not from where one lives.
    await page.getByLabel('Code postal').fill('75011');
    await page.getByRole('checkbox', { name: /J’accepte que Coopol traite ces informations/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/inscription\/confirmer/);

    await page.getByLabel('Code reçu par e-mail').fill(await codeMailedTo(email));
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Confirmer et créer mon compte' }).click();
    await page.waitForURL(/\/bienvenue$/);

    const welcome = await page.locator('main').innerText();
    assert.match(welcome, /adhérent/i);
    assert.match(welcome, /Section de Colmar/);
    assert.doesNotMatch(welcome, /Fédération de Paris/);

    // As a member of the section, they see its member list.
    const members = await page.goto(`${stack.urls.site}/sections/colmar/membres`, { waitUntil: 'networkidle' });
    assert.equal(members?.status(), 200);
    assert.match(await page.locator('main').innerText(), /Garnier/);
  });
});
