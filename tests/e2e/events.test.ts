import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { errorText, frErrors } from '../../functions/src/contracts/errors';
import { parisWallClock } from '../../functions/src/contracts/paris-time';
import { describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage, watchOutsideRequests } from '../support/browser';
import { linkIn, mailsTo, waitForMail } from '../support/mail';
import { createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// A secretary's leafleting action with two slots of 3, through the real pages in Debian's Chromium;
// members sign up, the full slot is refused with the other one offered, a departure frees a place,
// and the day-before reminder reaches each volunteer once, sent by the local scheduler.
let stack: TestStack;
let browser: Browser;
let secretary: TestPerson;
const members: TestPerson[] = [];
const contexts: BrowserContext[] = [];
const outside: string[] = [];

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  secretary = await createTestPerson(stack, {
    email: 'e2e.secretaire@coopol.example', givenName: 'Jeanne', familyName: 'Martin', postalCode: '68100',
    member: { memberNumber: 'EE000001', sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  for (let i = 1; i <= 4; i++) {
    members.push(await createTestPerson(stack, {
      email: `e2e.militant${i}@coopol.example`, givenName: `Militant${i}`, familyName: 'Test', postalCode: '68100',
      member: { memberNumber: `EE00000${i + 1}`, sectionId: 'mulhouse' },
    }));
  }
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const pageAs = (person: TestPerson) => signedInPage(browser, stack.urls.site, person, { contexts, outside });

const slot = (page: Page, index: number) => page.locator('li[data-slot]').nth(index);

describe('a leafleting action with two slots of 3', () => {
  let eventUrl = '';
  // The reminder is due a day before the start: starting in a day and 100 s (to the next minute), it
  // fires during the test — after the action is made and signed up to (~40 s from here, sign-ups of the
  // before hook included; twice that on a slow machine), and without waiting minutes more for it.
  const start = new Date(Math.ceil((Date.now() + 24 * 3600_000 + 100_000) / 60_000) * 60_000);
  const hours = (n: number) => parisWallClock(new Date(start.getTime() + n * 3600_000));
  const title = `Tractage au marché du Canal ${start.getTime()}`;

  test('the secretary creates it; the page shows what is missing', async () => {
    const page = await pageAs(secretary);
    await page.goto(`${stack.urls.site}/evenements/nouveau?espace=section:mulhouse`, { waitUntil: 'networkidle' });
    await page.getByLabel('Type').selectOption('tractage');
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Début (heure de Paris)').fill(hours(0));
    await page.getByLabel('Fin (heure de Paris)').fill(hours(4));
    await page.getByLabel('Lieu').fill('Marché du Canal couvert, Mulhouse');
    await page.getByLabel('Créneau 1 — début').fill(hours(0));
    await page.getByLabel('Créneau 1 — fin').fill(hours(2));
    await page.getByLabel('Créneau 1 — militants nécessaires').fill('3');
    await page.getByRole('button', { name: '+ Ajouter un créneau' }).click();
    await page.getByLabel('Créneau 2 — début').fill(hours(2));
    await page.getByLabel('Créneau 2 — fin').fill(hours(4));
    await page.getByLabel('Créneau 2 — militants nécessaires').fill('3');
    await page.getByRole('button', { name: 'Publier l’événement' }).click();
    await page.waitForURL(/\/evenements\/[a-z0-9]{32}$/);
    eventUrl = page.url();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await page.locator('[role="status"]').first().innerText(), /Il manque encore 6 militant/);
    assert.equal(await slot(page, 0).getByText('Il manque 3 militants').count(), 1);
    assert.equal(await slot(page, 1).getByText('Il manque 3 militants').count(), 1);
    const violations = await seriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  test('four members sign up to the first slot: the fourth is refused and offered the other one', async () => {
    for (const member of members.slice(0, 3)) {
      const page = await pageAs(member);
      await page.goto(eventUrl, { waitUntil: 'networkidle' });
      await slot(page, 0).getByRole('button', { name: 'Je m’inscris' }).click();
      await slot(page, 0).getByText('Vous êtes inscrit·e').waitFor();
    }
    const fourth = await pageAs(members[3]!);
    await fourth.goto(eventUrl, { waitUntil: 'networkidle' });
    assert.equal(await slot(fourth, 0).getByText('Complet').count(), 1);
    await slot(fourth, 0).getByRole('button', { name: 'Je m’inscris' }).click();
    const refusal = slot(fourth, 0).locator('[role="alert"]');
    await refusal.waitFor();
    const message = await refusal.innerText();
    // Worded by the site from the refusal's code and parameters (web/i18n/errors.ts, ADR 0018).
    const others = [{ id: (await slot(fourth, 1).getAttribute('data-slot'))!, start: hours(2).slice(11), end: hours(4).slice(11), missing: 3 }];
    assert.equal(message.trim(), errorText(frErrors, 'slot.full', { others }));
    assert.match(message, new RegExp(`${hours(2).slice(11)}–${hours(4).slice(11)} \\(3\\)`));
    // The other slot is there to take.
    await slot(fourth, 1).getByRole('button', { name: 'Je m’inscris' }).click();
    await slot(fourth, 1).getByText('Vous êtes inscrit·e').waitFor();
  });

  test('one cancels and the slot shows one missing again', async () => {
    const page = await pageAs(members[0]!);
    await page.goto(eventUrl, { waitUntil: 'networkidle' });
    await slot(page, 0).getByRole('button', { name: 'Me désinscrire' }).click();
    await slot(page, 0).getByText('Il manque 1 militant', { exact: true }).waitFor();
  });

  test('the announcement’s « Je viens » link of a slot opens the action on that slot, marked; signed out, the sign-in keeps it', async () => {
    const announcement = await waitForMail(stack, members[0]!.email, new RegExp(`^\\[Section de Mulhouse\\] ${title} — proposé par Jeanne Martin$`), 60_000);
    assert.match(announcement.body.text ?? '', /^Jeanne Martin, pour Section de Mulhouse$/m, 'signed by its organizer');
    const link = linkIn(announcement, /\?creneau=[\w-]+#creneau-/);
    const slotId = /creneau=([\w-]+)/.exec(link)![1]!;
    const page = await pageAs(members[0]!);
    await page.setViewportSize({ width: 375, height: 640 });
    await page.goto(link.replace(/^https?:\/\/[^/]+/, stack.urls.site), { waitUntil: 'networkidle' });
    const chosen = page.locator(`li#creneau-${slotId}`);
    await chosen.getByText('Le créneau de votre mail').waitFor();
    assert.ok(await chosen.isVisible());
    const box = (await chosen.boundingBox())!;
    assert.ok(box.y < 640, `the slot is scrolled into view (top at ${box.y})`);
    assert.equal(await chosen.getByRole('button', { name: 'Je m’inscris' }).count(), 1, 'one click signs up, on the page');
    assert.equal(await page.getByText('Le créneau de votre mail').count(), 1, 'only that slot is marked');

    const context = await browser.newContext({ locale: 'fr-FR' });
    contexts.push(context);
    const visitor = await context.newPage();
    await visitor.goto(link.replace(/^https?:\/\/[^/]+/, stack.urls.site), { waitUntil: 'networkidle' });
    await visitor.getByRole('heading', { name: 'Connectez-vous pour voir cet évènement' }).waitFor();
    const signIn = await visitor.getByRole('region', { name: 'Connectez-vous pour voir cet évènement' }).getByRole('link', { name: 'Se connecter' }).getAttribute('href');
    assert.match(decodeURIComponent(signIn ?? ''), new RegExp(`creneau=${slotId}#creneau-${slotId}`));
  });

  test('the section agenda lists it; the dashboard and my agenda open, accessible', async () => {
    const page = await pageAs(secretary);
    await page.goto(`${stack.urls.site}/agenda/section/mulhouse`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: title }).waitFor();
    let violations = await seriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.goto(`${stack.urls.site}/remontees/federation/68`, { waitUntil: 'networkidle' });
    assert.match(await page.locator('h1').innerText(), /Remontées du terrain/);
    await page.goto(`${stack.urls.site}/remontees/section/mulhouse`, { waitUntil: 'networkidle' });
    await page.locator('svg[role="img"]').waitFor();
    violations = await seriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    const member = await pageAs(members[1]!);
    await member.goto(`${stack.urls.site}/agenda`, { waitUntil: 'networkidle' });
    await member.getByRole('link', { name: title }).waitFor();
    await member.getByRole('button', { name: 'Créer un lien pour mon agenda' }).click();
    await member.getByText(/\/api\/calendar\/[\w-]+\.ics/).waitFor();
    // A member is told the federation's dashboard is for its officials.
    await member.goto(`${stack.urls.site}/remontees/federation/68`, { waitUntil: 'networkidle' });
    assert.match(await member.locator('p[role="status"]').innerText(), /réservé aux responsables/);
  });

  test('the reminder arrives once in the mail viewer, sent by the scheduler the day before', async () => {
    const subject = new RegExp(`^Rappel : ${title}`);
    for (const volunteer of members.slice(1)) await waitForMail(stack, volunteer.email, subject, 240_000);
    // Give a second run every chance to happen, then count.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const volunteer of members.slice(1)) {
      assert.equal((await mailsTo(stack, volunteer.email)).filter((m) => subject.test(m.subject)).length, 1, volunteer.email);
    }
    // The one who left is not reminded.
    assert.equal((await mailsTo(stack, members[0]!.email)).filter((m) => subject.test(m.subject)).length, 0);
    assert.deepEqual(outside, []);
  });
});

describe('the nights the clocks change (ADR 0019)', () => {
  test('a time the spring change skips is refused next to its field, what was typed kept; the autumn hour lived twice is its first', async () => {
    const page = await pageAs(secretary);
    const title = `Collage de nuit ${Date.now()}`;
    await page.goto(`${stack.urls.site}/evenements/nouveau?espace=section:mulhouse`, { waitUntil: 'networkidle' });
    await page.getByLabel('Type').selectOption('autre');
    await page.getByLabel('Titre').fill(title);
    // On 30 March 2031 Paris goes from 01:59 to 03:00: 02:30 never happens.
    await page.getByLabel('Début (heure de Paris)').fill('2031-03-30T02:30');
    await page.getByLabel('Fin (heure de Paris)').fill('2031-03-30T04:00');
    await page.getByLabel('Lieu').fill('Gare centrale, Mulhouse');
    await page.getByRole('button', { name: 'Publier l’événement' }).click();
    await page.getByText('cette date ou cette heure n’existe pas à Paris').waitFor();
    assert.match(page.url(), /\/evenements\/nouveau/);
    assert.equal(await page.getByLabel('Début (heure de Paris)').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Fin (heure de Paris)').getAttribute('aria-invalid'), null);
    assert.equal(await page.getByLabel('Titre').inputValue(), title);
    // On 26 October 2031 02:30 happens twice (summer, then winter time): the first is meant.
    await page.getByLabel('Début (heure de Paris)').fill('2031-10-26T02:30');
    await page.getByLabel('Fin (heure de Paris)').fill('2031-10-26T04:00');
    await page.getByRole('button', { name: 'Publier l’événement' }).click();
    await page.waitForURL(/\/evenements\/[a-z0-9]{32}$/);
    await page.getByText('dimanche 26 octobre 2031, 2 h 30 – 4 h').waitFor();
    // The edit form shows the times again as they were typed; it and the new-event form hold at 320 px.
    const edit = `${page.url()}/modifier`;
    await page.goto(edit, { waitUntil: 'networkidle' });
    assert.equal(await page.getByLabel('Début (heure de Paris)').inputValue(), '2031-10-26T02:30');
    assert.equal(await page.getByLabel('Fin (heure de Paris)').inputValue(), '2031-10-26T04:00');
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of [edit, `${stack.urls.site}/evenements/nouveau?espace=section:mulhouse`]) {
      await page.goto(path, { waitUntil: 'networkidle' });
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, `${path} scrolls sideways at 320 px`);
    }
  });
});

describe('a public meeting with a map point, answered by a visitor without an account', () => {
  const title = `Meeting place de la Réunion ${Date.now()}`;
  let eventUrl = '';

  test('the secretary publishes it with a labelled slot and a map point pasted as a link', async () => {
    const page = await pageAs(secretary);
    await page.goto(`${stack.urls.site}/evenements/nouveau?espace=section:mulhouse`, { waitUntil: 'networkidle' });
    await page.getByLabel('Type').selectOption('meeting');
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Début (heure de Paris)').fill('2031-06-14T18:00');
    await page.getByLabel('Fin (heure de Paris)').fill('2031-06-14T20:00');
    await page.getByLabel('Lieu').fill('Place de la Réunion, Mulhouse');
    await page.getByLabel('Qui le voit').selectOption('public');
    await page.getByLabel('Créneau 1 — intitulé (facultatif)').fill('Accueil du public');
    await page.getByLabel('Créneau 1 — début').fill('2031-06-14T17:30');
    await page.getByLabel('Créneau 1 — fin').fill('2031-06-14T18:30');
    await page.getByLabel('Créneau 1 — militants nécessaires').fill('2');
    // The map point comes from a pasted map link: a short link (no position in it) is refused on its
    // field; the full link of the map page goes through.
    const mapField = page.getByLabel('Point sur la carte (un lien)');
    await mapField.fill('https://maps.app.goo.gl/AbCdEf123');
    await page.getByRole('button', { name: 'Publier l’événement' }).click();
    await page.getByText('Ce lien court ne contient pas la position').first().waitFor();
    assert.equal(await mapField.getAttribute('aria-invalid'), 'true');
    // The refused form keeps what was chosen and typed.
    assert.equal(await page.getByLabel('Qui le voit').inputValue(), 'public');
    assert.equal(await page.getByLabel('Créneau 1 — intitulé (facultatif)').inputValue(), 'Accueil du public');
    await mapField.fill('https://www.google.com/maps/place/Place+de+la+R%C3%A9union/@47.7470,7.3380,17z/data=!4m6!3m5!8m2!3d47.7467!4d7.3389');
    await page.getByRole('button', { name: 'Publier l’événement' }).click();
    await page.waitForURL(/\/evenements\/[a-z0-9]{32}$/);
    eventUrl = page.url();
    await page.getByText('Accueil du public').first().waitFor();
    const map = page.getByRole('link', { name: 'Voir sur la carte (OpenStreetMap)' });
    assert.equal(await map.getAttribute('href'), 'https://www.openstreetmap.org/?mlat=47.7467&mlon=7.3389#map=17/47.7467/7.3389');
  });

  test('a visitor leaves name, email and consent, confirms from the mail, and only then the organizer sees them counted', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    contexts.push(context);
    const visitor = await context.newPage();
    outside.push(...watchOutsideRequests(visitor));
    await visitor.goto(eventUrl, { waitUntil: 'networkidle' });
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.getByText(/Confirmez votre réponse depuis le lien reçu par e-mail \(valable 30 minutes\)/).first().waitFor();
    await visitor.getByLabel('Votre nom').fill('Léa Visiteuse');
    await visitor.getByLabel('Votre adresse e-mail').fill('lea.visiteuse@coopol.example');
    await visitor.getByLabel('J’accepte que le parti garde mon nom et mon adresse pour cet événement (effacés 30 jours après).').check();
    await visitor.getByRole('button', { name: 'Je viens' }).click();
    await visitor.getByText(/Un e-mail est parti vers l\*\*\*@coopol\.example/).waitFor();
    const violations = await seriousAccessibilityViolations(visitor);
    assert.equal(violations.length, 0, describeViolations(violations));

    // Not counted before the mailbox confirms.
    const organizer = await pageAs(secretary);
    await organizer.goto(eventUrl, { waitUntil: 'networkidle' });
    await organizer.getByText(/Personne n’a encore dit/).first().waitFor();
    assert.equal(await organizer.getByText('Léa Visiteuse — vient').count(), 0);

    // The mail's link opens a page that changes nothing until its button is pressed (mail scanners open links).
    const mail = await waitForMail(stack, 'lea.visiteuse@coopol.example', `Confirmez votre réponse : ${title}`);
    const link = linkIn(mail, /\/evenements\/reponse\/confirmer/).replace(/^https?:\/\/[^/]+/, stack.urls.site);
    await visitor.setViewportSize({ width: 320, height: 640 });
    await visitor.goto(link, { waitUntil: 'networkidle' });
    const noSideways = () => visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(await noSideways(), 'the confirm page scrolls sideways at 320 px');
    await visitor.getByRole('button', { name: 'Confirmer ma réponse' }).click();
    await visitor.getByText(/C’est confirmé.*votre réponse compte/).waitFor();
    await visitor.getByRole('button', { name: 'Annuler ma réponse' }).waitFor();
    assert.ok(await noSideways(), 'the answer page scrolls sideways at 320 px');
    const confirmedViolations = await seriousAccessibilityViolations(visitor);
    assert.equal(confirmedViolations.length, 0, describeViolations(confirmedViolations));

    await organizer.goto(eventUrl, { waitUntil: 'networkidle' });
    await organizer.getByText('1 personne vient').waitFor();
    await organizer.getByText('Léa Visiteuse — vient').waitFor();
    assert.deepEqual(outside, []);
  });
});
