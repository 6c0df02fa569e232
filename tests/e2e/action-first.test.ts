import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, signedInPage, watchOutsideRequests } from '../support/browser';
import { waitForMail, waitForSignUpCode } from '../support/mail';
import { call, createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// The member's daily path, action first (issue 13), through the real pages at phone width in
// Debian's Chromium: Monique, a section secretary, creates an action with two slots from her
// phone; a member signs up from « La section a besoin de vous » and reads the confirmation with its
// .ics in the mail viewer; a newcomer goes from « Trouver ma section » to « Créer un compte »; a
// signed-out person opening an event link is asked to sign in, whatever the event.
let stack: TestStack;
let browser: Browser;
let monique: TestPerson;
let member: TestPerson;
const contexts: BrowserContext[] = [];
const outside: string[] = [];
const phone = { width: 375, height: 800 };
const narrow = { width: 320, height: 640 };

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  monique = await createTestPerson(stack, {
    email: 'af.monique@coopol.example', givenName: 'Monique', familyName: 'Schwartz', postalCode: '68100',
    member: { memberNumber: 'AFE00001', sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  member = await createTestPerson(stack, {
    email: 'af.marie-christine@coopol.example', givenName: 'Marie-Christine', familyName: 'Koenig', postalCode: '68100',
    member: { memberNumber: 'AFE00002', sectionId: 'mulhouse' },
  });
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const pageAs = (person: TestPerson, viewport = phone) => signedInPage(browser, stack.urls.site, person, { contexts, outside }, viewport);
async function signedOutPage(viewport = phone): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  contexts.push(context);
  const page = await context.newPage();
  outside.push(...watchOutsideRequests(page));
  return page;
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('Monique creates an action with two slots from her phone', () => {
  const title = `Tractage au marché du Canal ${Date.now()}`;
  let eventUrl = '';

  test('from « Ma section » to the agenda and its form: two slots, a pasted map link, announced by mail', async () => {
    const page = await pageAs(monique);
    await page.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
    await page.locator('nav[data-phone-nav]').getByRole('link', { name: 'Ma section' }).click();
    await page.waitForURL(/\/sections\/mulhouse$/);
    await page.locator('main').getByRole('link', { name: 'Agenda', exact: true }).first().click();
    await page.waitForURL(/\/agenda\/section\/mulhouse$/);
    await page.getByRole('link', { name: 'Proposer un événement' }).click();
    await page.waitForURL(/\/evenements\/nouveau\?espace=section(%3A|:)mulhouse$/);
    await page.getByLabel('Type').selectOption('tractage');
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Description').fill('Rendez-vous devant l’entrée nord.\nApportez une chasuble.');
    await page.getByLabel('Début (heure de Paris)').fill('2031-11-08T09:00');
    await page.getByLabel('Fin (heure de Paris)').fill('2031-11-08T13:00');
    await page.getByLabel('Lieu').fill('Marché du Canal couvert, Mulhouse');
    await page.getByLabel('Point sur la carte (un lien)').fill('https://www.openstreetmap.org/#map=18/47.74670/7.33890');
    await page.getByLabel('Créneau 1 — début').fill('2031-11-08T09:00');
    await page.getByLabel('Créneau 1 — fin').fill('2031-11-08T11:00');
    await page.getByLabel('Créneau 1 — militants nécessaires').fill('2');
    assert.equal(await page.getByLabel('Créneau 2 — début').count(), 0, 'one slot line to begin with');
    await page.getByRole('button', { name: '+ Ajouter un créneau' }).click();
    await page.getByLabel('Créneau 2 — début').fill('2031-11-08T11:00');
    await page.getByLabel('Créneau 2 — fin').fill('2031-11-08T13:00');
    await page.getByLabel('Créneau 2 — militants nécessaires').fill('2');
    assert.equal(await page.getByRole('checkbox', { name: /Annoncer l’événement par e-mail/ }).isChecked(), true, 'announcing is on by default');
    assert.ok((await overflow(page)) <= 0, 'the form fits the phone');
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Publier l’événement' }).click();
    await page.waitForURL(/\/evenements\/[a-z0-9]{32}$/);
    eventUrl = page.url();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(await page.locator('li[data-slot]').count(), 2);
    assert.match(await page.locator('[role="status"]').first().innerText(), /Il manque encore 4 militant/);
    assert.match(await page.locator('main').innerText(), /Rendez-vous devant l’entrée nord\.\nApportez une chasuble\./);
    assert.equal(
      await page.getByRole('link', { name: 'Voir sur la carte (OpenStreetMap)' }).getAttribute('href'),
      'https://www.openstreetmap.org/?mlat=47.7467&mlon=7.3389#map=17/47.7467/7.3389',
    );
    // The announcement goes out in the background; her page then says how many it reached.
    for (let i = 0; ; i++) {
      const said = (await page.locator('main').innerText()).match(/Annonce envoyée à (\d+) personnes?/);
      if (said) {
        assert.ok(Number(said[1]) >= 2, said[0]);
        break;
      }
      assert.ok(i < 60, 'the announcement was not sent within a minute');
      await page.waitForTimeout(1000);
      await page.reload({ waitUntil: 'networkidle' });
    }
    assert.ok((await overflow(page)) <= 0);
    await assertAccessible(page);
  });

  test('a member signs up in one click from « La section a besoin de vous » and gets the .ics', async () => {
    const page = await pageAs(member, narrow);
    await page.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
    const needs = page.getByRole('region', { name: 'La section a besoin de vous' });
    const need = needs.locator('li[data-need]').filter({ hasText: title }).first();
    await need.waitFor();
    assert.equal(await page.getByRole('link', { name: 'Proposer un événement' }).count(), 0);
    assert.ok((await overflow(page)) <= 0);
    await assertAccessible(page);
    await need.getByRole('button', { name: 'Je m’inscris' }).click();
    await page.getByRole('region', { name: 'Mes prochaines actions' }).getByRole('link', { name: title }).waitFor();
    assert.equal(await needs.locator('li[data-need]').filter({ hasText: title }).count(), 1, 'her slot left the list, the other one stays');

    const subject = `Inscription confirmée : ${title}, samedi 8 novembre à 9 h – 11 h`;
    await waitForMail(stack, member.email, subject);
    // Read as she would, in the mail viewer: the subject, and the calendar file attached.
    const viewer = await signedOutPage({ width: 1280, height: 900 });
    await viewer.goto(stack.urls.mailViewer, { waitUntil: 'networkidle' });
    const mail = viewer.locator('div').filter({ hasText: subject }).filter({ has: viewer.getByRole('link', { name: 'creneau.ics' }) }).last();
    await mail.waitFor();
    const file = await mail.getByRole('link', { name: 'creneau.ics' }).evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
    const ics = file.replace(/\r?\n[ \t]/g, ''); // long lines are folded (RFC 5545 § 3.1)
    assert.match(ics, /BEGIN:VEVENT/);
    assert.match(ics, new RegExp(`SUMMARY:${title} \\(mon créneau\\)`));
    assert.match(ics, /DTSTART:20311108T080000Z/);
    assert.match(ics, /GEO:47\.7467;7\.3389/);

    // Members are not offered to organize; the agenda says nothing of it to them.
    await page.goto(`${stack.urls.site}/agenda/section/mulhouse`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: title }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Proposer un événement' }).count(), 0);
    void eventUrl;
  });
});

describe('a newcomer, from « Trouver ma section » to « Créer un compte »', () => {
  test('the landing offers « Créer un compte » on a phone; the finder names the section and says Coopol is open', async () => {
    const page = await signedOutPage();
    await page.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
    assert.ok(await page.locator('header').getByRole('link', { name: 'Créer un compte' }).isVisible());
    await page.getByLabel('Code postal').fill('68 100');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('link', { name: 'Section de Mulhouse' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Coopol est ouvert ici/);
    assert.ok((await overflow(page)) <= 0);
    await assertAccessible(page);
    await page.locator('#trouver-ma-section').getByRole('link', { name: 'Créer un compte' }).click();
    await page.waitForURL(/\/inscription\?cp=68100$/);
    assert.equal(await page.getByLabel('Code postal').inputValue(), '68100');
    const email = 'af.nouvelle@coopol.example';
    await page.getByLabel('Prénom').fill('Anne-Laure');
    await page.getByLabel('Nom', { exact: true }).fill('Nouvelle');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('checkbox', { name: /J’accepte que Coopol traite ces informations/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(/\/inscription\/confirmer\?email=/);
    await page.getByLabel('Code reçu par e-mail').fill(await waitForSignUpCode(stack, email));
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Confirmer et créer mon compte' }).click();
    await page.waitForURL(/\/bienvenue$/);
    // Signed in: the phone's navigation is there.
    assert.ok(await page.locator('nav[data-phone-nav]').getByRole('link', { name: 'Ma section' }).isVisible());
  });

  test('where Coopol is not open yet, the finder offers « Me pré-inscrire », with the public events nearby on its page', async () => {
    const page = await signedOutPage();
    await page.goto(`${stack.urls.site}/trouver-ma-section?cp=31000`, { waitUntil: 'networkidle' });
    assert.match(await page.locator('main').innerText(), /Coopol n’est pas encore ouvert ici/);
    await page.getByRole('heading', { name: 'Près de chez vous' }).waitFor();
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Me pré-inscrire' }).click();
    await page.waitForURL(/\/preinscription\?cp=31000$/);
  });
});

describe('a signed-out person opening an event link', () => {
  test('is asked to sign in, the same page for an existing, a secret or an unknown event, and comes back after', async () => {
    const created = await call(stack, monique, 'POST', '/api/events', {
      space: { type: 'section', id: 'mulhouse' }, kind: 'reunion', title: 'Réunion de section à huis clos', start: '2031-12-02T19:00:00+01:00', end: '2031-12-02T21:00:00+01:00',
      place: { address: 'Local de la section, Mulhouse' }, visibility: 'section',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    const page = await signedOutPage(narrow);
    const seen: string[] = [];
    for (const eventId of [id, 'a'.repeat(32), 'pas-un-identifiant']) {
      const response = await page.goto(`${stack.urls.site}/evenements/${eventId}`, { waitUntil: 'networkidle' });
      assert.equal(response?.status(), 200);
      await page.getByRole('heading', { level: 1, name: 'Connectez-vous pour voir cet évènement' }).waitFor();
      seen.push(await page.locator('main').innerText());
      assert.equal(await page.title(), 'Connectez-vous pour voir cet évènement · Coopol');
    }
    assert.equal(new Set(seen).size, 1, 'the same page whatever the id');
    assert.ok(!seen[0]!.includes('huis clos'));
    await assertAccessible(page);

    await page.goto(`${stack.urls.site}/evenements/${id}`, { waitUntil: 'networkidle' });
    await page.locator('main').getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(new RegExp(`/connexion\\?suite=%2Fevenements%2F${id}$`));
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Signed in, back to the event — through the first steps first for someone who has not done them.
    await page.waitForURL((url) => url.pathname === `/evenements/${id}` || (url.pathname === '/bienvenue' && url.searchParams.get('suite') === `/evenements/${id}`));
    await page.goto(`${stack.urls.site}/evenements/${id}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Réunion de section à huis clos' }).waitFor();
    assert.deepEqual(outside, []);
  });
});
