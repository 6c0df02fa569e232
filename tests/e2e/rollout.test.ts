import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parisWallClock } from '../../functions/src/contracts/paris-time';
import { assertAccessible, launchBrowser, watchOutsideRequests } from '../support/browser';
import { linkIn, mailsTo, waitForMail, type StoredMail } from '../support/mail';
import { createTestPerson, TEST_PASSWORD, turnOnMfa, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';

// The rollout through the real pages, in Chromium: two visitors preregister where Coopol is not open
// (Centre-Val de Loire, 24; Bourgogne-Franche-Comté, 27 — regions no other test uses) and confirm
// from their mail; a national admin signs in with TOTP, creates a wave for region 24 and deploys
// it; its launch mail leads the first visitor to a pre-filled sign-up that succeeds, while the
// second is still refused, and stays preregistered.
let stack: TestStack;
let browser: Browser;
/** The requests each page made beyond 127.0.0.1 (none expected). */
const outside: string[][] = [];

const newEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@coopol.example`;
const orleans = { email: newEmail('orleans'), postalCode: '45000', token: '' };
const dijon = { email: newEmail('dijon'), postalCode: '21000', token: '' };
let admin: TestPerson;
let adminSecret: string;
let adminMfaAt: number;
let officer: TestPerson;
let officerSecret: string;
let officerMfaAt: number;

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  admin = await createTestPerson(stack, {
    email: newEmail('admin-vagues-e2e'),
    postalCode: '75011',
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
  });
  adminSecret = await turnOnMfa(stack, admin);
  adminMfaAt = Date.now();
  officer = await createTestPerson(stack, {
    email: newEmail('responsable-loiret-e2e'),
    postalCode: '75011',
    grants: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '45' }],
  });
  officerSecret = await turnOnMfa(stack, officer);
  officerMfaAt = Date.now();
});
after(async () => browser?.close());

async function newPage(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  outside.push(watchOutsideRequests(page));
  return { context, page };
}


async function assertFitsPhone(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where}: ${overflow}px of horizontal overflow`);
}

/** A link of a mail, on the test stack's site (the mail's own origin is the stack's too). */
function sitePath(mail: StoredMail, pattern: RegExp): string {
  const url = new URL(linkIn(mail, pattern));
  return `${stack.urls.site}${url.pathname}${url.search}`;
}

const formAlert = (page: Page) => page.locator('form [role="alert"]');

/** Signs an official in through the pages: password, then the code of their authenticator app. */
async function signInWithTotp(page: Page, person: TestPerson, secret: string, mfaAt: number, next: string) {
  await page.goto(`${stack.urls.site}/connexion?suite=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Adresse e-mail').fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/connexion\/code/);
  // A code is good once: wait for the next one if the setup just used this one.
  const window = (at: number) => Math.floor(at / 30_000);
  if (window(Date.now()) === window(mfaAt)) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
  await page.getByLabel('Code à 6 chiffres').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.waitForURL((url) => url.pathname === next || url.pathname === '/bienvenue');
}
const main = (page: Page) => page.locator('main').innerText();

/** Preregisters through /preinscription, reads the mail, confirms with the button; returns the mail's token. */
async function preregisterAndConfirm(page: Page, who: { email: string; postalCode: string }, kind: RegExp): Promise<string> {
  const response = await page.goto(`${stack.urls.site}/preinscription`, { waitUntil: 'networkidle' });
  assert.equal(response?.status(), 200);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Code postal').fill(who.postalCode);
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('checkbox', { name: /J’accepte que Coopol conserve mon adresse/ }).check();
  await page.getByRole('button', { name: 'Me pré-inscrire' }).click();
  await page.waitForURL(/\/preinscription\?envoye=/);
  assert.match(await page.locator('h1').innerText(), /Vérifiez votre boîte mail/);
  assert.match(await main(page), /\*/, 'the destination is shown masked');
  await assertAccessible(page, 'preregistration sent');

  const mail = await waitForMail(stack, who.email, 'Coopol : confirmez votre pré-inscription');
  const confirmUrl = sitePath(mail, /\/preinscription\/confirmer/);
  const token = new URL(confirmUrl).searchParams.get('jeton')!;
  await page.goto(confirmUrl, { waitUntil: 'networkidle' });
  const before = await api(stack, `/api/preregistrations/${token}`);
  assert.equal(before.body.status, 'pending', 'opening the link confirms nothing (mail scanners open links)');
  await assertAccessible(page, 'confirmation page');
  await page.getByRole('button', { name: 'Confirmer ma pré-inscription' }).click();
  await page.waitForURL(/\/preinscription\/gerer\?jeton=.*confirme=1/);
  const manage = await main(page);
  assert.match(manage, /pré-inscription est confirmée/);
  assert.match(manage, new RegExp(who.email.replace(/[.]/g, '\\.')));
  return token;
}

describe('preregistration where Coopol is not open yet', () => {
  test('the form tells each problem next to its field, and the landing page leads to it', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Me pré-inscrire' }).click();
    await page.waitForURL(/\/preinscription$/);
    assert.equal(await page.locator('h1').count(), 1);
    await assertAccessible(page, '/preinscription');

    // Neither consent nor adherent/supporter: both refused, each next to its field.
    const email = newEmail('sans-accord');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Code postal').fill('00000');
    await page.getByRole('button', { name: 'Me pré-inscrire' }).click();
    await formAlert(page).waitFor();
    const consent = page.getByRole('checkbox', { name: /J’accepte que Coopol conserve mon adresse/ });
    assert.equal(await consent.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('group', { name: 'Vous êtes' }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), email, 'what was typed stays');
    await assertAccessible(page, '/preinscription with errors');

    // Then a postal code of no commune.
    await page.getByRole('radio', { name: 'Je suis sympathisant·e' }).check();
    await consent.check();
    await page.getByRole('button', { name: 'Me pré-inscrire' }).click();
    await page.getByText('code postal inconnu').waitFor();
    assert.equal(await page.getByLabel('Code postal').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await mailsTo(stack, email), [], 'nothing is sent');

    const bad = await page.goto(`${stack.urls.site}/preinscription/confirmer?jeton=${'a'.repeat(32)}`, { waitUntil: 'networkidle' });
    assert.equal(bad?.status(), 200);
    assert.match(await main(page), /ne mène à aucune pré-inscription/);
    await context.close();
  });

  test('a visitor of Orléans and one of Dijon preregister and confirm from their mail', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    orleans.token = await preregisterAndConfirm(page, orleans, /Je suis sympathisant·e/);
    await assertFitsPhone(page, '/preinscription/gerer');
    await assertAccessible(page, '/preinscription/gerer');
    dijon.token = await preregisterAndConfirm(page, dijon, /Je suis adhérent·e/);
    await context.close();
  });
});

describe('a wave for Centre-Val de Loire, from the admin pages to the launch mail', () => {
  let context: BrowserContext;
  let page: Page;
  let waveUrl: string;

  before(async () => ({ context, page } = await newPage()));
  after(async () => context?.close());

  test('the national admin signs in with the code of their authenticator app', async () => {
    await signInWithTotp(page, admin, adminSecret, adminMfaAt, '/admin/vagues');
    // The national figures are in the account menu (the header keeps the daily destinations).
    await page.locator('header summary', { hasText: 'menu du compte' }).click();
    assert.ok(await page.locator('header').getByRole('link', { name: 'Déploiement', exact: true }).isVisible());
  });

  test('creates a draft for region 24 opening a few seconds ahead, and deploys it after confirming', async () => {
    await page.goto(`${stack.urls.site}/admin/vagues`, { waitUntil: 'networkidle' });
    assert.match(await page.locator('h1').innerText(), /Vagues de déploiement/);
    await assertAccessible(page, '/admin/vagues');

    await page.getByLabel('Nom de la vague').fill('Vague e2e — Centre-Val de Loire');
    await page.getByRole('checkbox', { name: 'Centre-Val de Loire', exact: true }).check();
    const opensAt = new Date(Date.now() + 20_000);
    await page.getByLabel('Date et heure d’ouverture').fill(parisWallClock(opensAt.toISOString()).padEnd(19, ':00').slice(0, 19));
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/admin\/vagues\/[a-z0-9]+\?cree=1$/);
    waveUrl = page.url().replace(/\?.*$/, '');
    assert.match(await main(page), /Brouillon/);
    assert.match(await main(page), /Orléans|Loiret/, 'the funnel of the wave’s territories');
    await assertAccessible(page, 'a draft wave');

    await page.getByRole('link', { name: 'Déployer…' }).click();
    await page.waitForURL(/\?action=deployer$/);
    await page.getByRole('button', { name: 'Oui, déployer' }).click();
    await page.waitForURL(/\?deployee=1$/);
    assert.match(await main(page), /Programmée|Envoi en cours|Terminée/);
  });

  test('the progress refreshes by itself until the launch mail is sent, exactly once', async () => {
    await page.getByText('1 envoyé sur 1 destinataire').waitFor({ timeout: 90_000 });
    await page.locator('main').getByText('Terminée', { exact: true }).first().waitFor({ timeout: 30_000 });
    await assertAccessible(page, 'a wave sent');
    const wave = await api(stack, `/api/waves/${waveUrl.split('/').at(-1)}`, { headers: { authorization: `Bearer ${admin.idToken}` } });
    assert.equal(wave.body.status, 'done', JSON.stringify(wave.body));

    await waitForMail(stack, orleans.email, /Coopol ouvre aujourd’hui à Orléans/);
    const launches = (await mailsTo(stack, orleans.email)).filter((m) => /Coopol ouvre/.test(m.subject));
    assert.equal(launches.length, 1, 'one launch mail');
    assert.equal((await mailsTo(stack, dijon.email)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 0, 'none for Dijon');
  });

  test('the numbers dashboard shows the region’s funnel and the sign-ups chart', async () => {
    await page.goto(`${stack.urls.site}/deploiement?territoire=region%3A24`, { waitUntil: 'networkidle' });
    assert.match(await page.locator('h1').innerText(), /déploiement en chiffres/);
    const text = await main(page);
    assert.match(text, /Centre-Val de Loire/);
    assert.match(text, /Loiret/);
    assert.equal(await page.locator('main svg[role="img"]').count(), 1, 'the chart');
    await assertAccessible(page, '/deploiement');
    await page.setViewportSize({ width: 390, height: 844 });
    await assertFitsPhone(page, '/deploiement');
    await page.goto(waveUrl, { waitUntil: 'networkidle' });
    await assertFitsPhone(page, 'a wave');
    await page.goto(`${stack.urls.site}/admin/vagues`, { waitUntil: 'networkidle' });
    await assertFitsPhone(page, '/admin/vagues');
  });
});

describe('after the wave', () => {
  test('the launch mail’s link opens a pre-filled sign-up, which succeeds with the mailed code', async () => {
    const { context, page } = await newPage();
    const [launch] = (await mailsTo(stack, orleans.email)).filter((m) => /Coopol ouvre/.test(m.subject));
    await page.goto(sitePath(launch!, /\/inscription\?/), { waitUntil: 'networkidle' });
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), orleans.email);
    assert.equal(await page.getByLabel('Code postal').inputValue(), '45000');

    await page.getByLabel('Prénom').fill('Océane');
    await page.getByLabel('Nom', { exact: true }).fill('Loiret');
    await page.getByRole('checkbox', { name: /J’accepte que Coopol traite ces informations/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/inscription\/confirmer\?email=/);

    // The password is chosen with the mailed code (ADR 0015), and the new person is signed in.
    const mail = await waitForMail(stack, orleans.email, 'Coopol : votre code de vérification', 15_000);
    const code = /\b(\d{6})\b/.exec(mail.body.text ?? (mail.body.html ?? '').replace(/<[^>]+>/g, ' '))?.[1];
    assert.ok(code, 'a 6-digit code in the mail');
    await page.getByLabel('Code reçu par e-mail').fill(code);
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Confirmer et créer mon compte' }).click();
    await page.waitForURL(/\/bienvenue/);

    // Signed in, a supporter is no official: the wave pages refuse, plainly, and the header has no rollout link.
    await page.goto(`${stack.urls.site}/admin/vagues`, { waitUntil: 'networkidle' });
    assert.match(await main(page), /ne vous est pas ouverte/);
    assert.match(await main(page), /administration nationale/);
    assert.equal(await page.getByRole('link', { name: 'Déploiement', exact: true }).count(), 0);
    await assertAccessible(page, 'waves refused');
    await context.close();
  });

  test('the visitor of Dijon is refused sign-up with the way to preregister, and is still preregistered', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.urls.site}/inscription`, { waitUntil: 'networkidle' });
    await page.getByLabel('Prénom').fill('Damien');
    await page.getByLabel('Nom', { exact: true }).fill('Dijon');
    await page.getByLabel('Adresse e-mail').fill(dijon.email);
    await page.getByLabel('Code postal').fill('21000');
    await page.getByRole('checkbox', { name: /J’accepte que Coopol traite ces informations/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await formAlert(page).waitFor();
    assert.match(await formAlert(page).innerText(), /pas encore ouvert à Dijon/);
    assert.equal(await page.getByLabel('Code postal').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'sign-up refused');

    await page.getByRole('link', { name: /Me pré-inscrire/ }).click();
    await page.waitForURL(/\/preinscription\?/);
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), dijon.email);
    assert.equal(await page.getByLabel('Code postal').inputValue(), '21000');

    await page.goto(`${stack.urls.site}/preinscription/gerer?jeton=${dijon.token}`, { waitUntil: 'networkidle' });
    const manage = await main(page);
    assert.match(manage, /Confirmée/);
    assert.match(manage, /pas encore envoyé/);
    assert.match(manage, /pas encore ouvert dans votre territoire/);
    const download = await fetch(`${stack.urls.site}/preinscription/gerer/donnees?jeton=${dijon.token}`);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(((await download.json()) as { status: string }).status, 'confirmed');

    await page.goto(`${stack.urls.site}/desinscription?jeton=${dijon.token}`, { waitUntil: 'networkidle' });
    assert.ok(await page.getByRole('button', { name: 'Me désabonner' }).isVisible());
    await assertAccessible(page, '/desinscription');
    await context.close();
  });

  test('a federation officer sees their federation’s numbers, and only them', async () => {
    const { context, page } = await newPage();
    await signInWithTotp(page, officer, officerSecret, officerMfaAt, '/deploiement');
    await page.locator('header summary', { hasText: 'menu du compte' }).click();
    await page.locator('header').getByRole('link', { name: 'Déploiement', exact: true }).click();
    await page.waitForURL(/\/deploiement$/);
    assert.match(await main(page), /Fédération du Loiret/);
    assert.equal(await page.getByRole('combobox').count(), 0, 'nothing to choose among');
    assert.equal(await page.getByRole('link', { name: 'Gérer les vagues de déploiement' }).count(), 0);
    await page.goto(`${stack.urls.site}/deploiement?territoire=national`, { waitUntil: 'networkidle' });
    assert.match(await main(page), /Fédération du Loiret/);
    assert.doesNotMatch(await main(page), /France entière/);
    await assertAccessible(page, '/deploiement for a federation officer');
    await page.goto(`${stack.urls.site}/admin/vagues`, { waitUntil: 'networkidle' });
    assert.match(await main(page), /ne vous est pas ouverte/);
    await context.close();
  });

  test('no page asked anything of another machine', () => {
    assert.deepEqual(outside.flat(), []);
  });
});
