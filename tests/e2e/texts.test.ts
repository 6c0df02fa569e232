import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertFitsWidth, describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage } from '../support/browser';
import { createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Texts with amendments (issue 17, ADR 0030), through the real pages in Debian's Chromium: the
// secretary of the Paris 11e section (TOTP on) writes a motion from the section's page and opens it
// to amendments; a member of the section, on a phone 320 px wide, amends one passage from « Amender »
// beside its numbered lines and sees her amendment's word diff; the secretary, on a wide screen, sees
// it side by side, accepts it and publishes the new version, which shows the change and its history.
// Then the member shares a PDF in the section's documents and the secretary downloads it.
let stack: TestStack;
let browser: Browser;
let secretary: TestPerson;
let member: TestPerson;
const contexts: BrowserContext[] = [];
const outside: string[] = [];
const narrow = { width: 320, height: 720 };
const wide = { width: 1280, height: 900 };
const run = Date.now().toString(36);
const title = `Motion pour des transports accessibles ${run}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const paragraph = 'Nous demandons des transports gratuits pour les moins de vingt-six ans dans tout le onzième arrondissement, tous les jours de la semaine.';

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  secretary = await createTestPerson(stack, {
    email: `txe.secretaire.${run}@coopol.example`, givenName: 'Hélène', familyName: 'Garnier', postalCode: '75011',
    member: { memberNumber: `TXE${run.toUpperCase()}1`, sectionId: 'paris-11' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'paris-11' }], mfa: true,
  });
  member = await createTestPerson(stack, {
    email: `txe.adherente.${run}@coopol.example`, givenName: 'Inès', familyName: 'Rolland', postalCode: '75011',
    member: { memberNumber: `TXE${run.toUpperCase()}2`, sectionId: 'paris-11' },
  });
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const pageAs = (person: TestPerson, viewport = narrow) => signedInPage(browser, stack.urls.site, person, { contexts, outside }, viewport);
async function assertCaredFor(page: Page) {
  await assertFitsWidth(page);
  const violations = await seriousAccessibilityViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
}

describe('a motion written, amended from its numbered lines, accepted and published', () => {
  let textUrl = '';

  test('the secretary writes the motion from the section’s page and opens it to amendments', async () => {
    const page = await pageAs(secretary, wide);
    await page.goto(`${stack.urls.site}/sections/paris-11`, { waitUntil: 'networkidle' });
    await page.getByRole('region', { name: 'Textes et documents' }).getByRole('link', { name: 'Écrire un texte' }).click();
    await page.waitForURL(/\/textes\/espace\/section\/paris-11\/nouveau$/);
    // Nothing written: refused beside the field, and nothing created.
    await page.getByLabel('Titre').fill(title);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.locator('textarea[aria-invalid="true"]').waitFor();
    assert.equal(await page.getByLabel('Titre').inputValue(), title, 'what was typed is kept');

    await page.getByLabel('Le texte').fill(`# Nos propositions\n\n${paragraph}\n\n- Une ligne de bus la nuit.\n- Des vélos dans chaque quartier.`);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/\/textes\/[0-9a-z]{20}\?cree=1$/);
    textUrl = page.url().replace(/\?.*$/, '');
    await page.getByText('Brouillon enregistré').waitFor();
    // Lines of 80 characters numbered through the text: the heading is line 1, the paragraph lines 2 and 3.
    const numbers = await page.locator('[data-block] li').evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('value'))));
    assert.deepEqual(numbers, [1, 2, 3, 4, 5]);

    await page.getByLabel('Date limite des amendements').fill('2031-06-01T18:00');
    await page.getByRole('button', { name: 'Ouvrir aux amendements' }).click();
    await page.getByText('Le texte est ouvert aux amendements.').waitFor();
    assert.ok(await page.getByText('Ouvert aux amendements', { exact: true }).isVisible());
    await assertCaredFor(page);
  });

  test('a member amends one passage from its numbered lines, on a phone', async () => {
    const page = await pageAs(member);
    await page.goto(`${stack.urls.site}/sections/paris-11`, { waitUntil: 'networkidle' });
    const card = page.getByRole('region', { name: 'Textes et documents' });
    assert.equal(await card.getByRole('link', { name: 'Écrire un texte' }).count(), 0, 'a member amends, she does not write the section’s texts');
    await card.getByRole('link', { name: title }).click();
    await page.waitForURL(textUrl);
    await assertCaredFor(page);
    await page.getByRole('link', { name: 'Amender les lignes 2 à 3' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposer un amendement' }).waitFor();
    assert.match(await page.getByText(/Le passage, les lignes 2 à 3/).innerText(), /2 à 3/);
    // Nothing changed: told so, nothing filed.
    await page.getByLabel('Exposé des motifs').fill('Le week-end compte aussi.');
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await page.getByText('Rien n’a changé').waitFor();
    await page.getByLabel('Nouvelle rédaction').fill(paragraph.replace('tous les jours de la semaine', 'tous les jours, week-end compris'));
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await page.waitForURL(/\?depose=1#amendements$/);
    const amendment = page.locator('[data-amendment="1"]');
    await amendment.getByRole('heading', { name: 'Amendement n° 1' }).waitFor();
    assert.match(await amendment.innerText(), /lignes 2 à 3 de la version 1/);
    // On a phone the diff is inline: what goes struck out, what comes underlined, each said to screen readers.
    const inline = amendment.locator('p ins');
    assert.ok(await inline.first().isVisible());
    assert.match(await amendment.locator('p del').first().textContent() ?? '', /suppression.*de la semaine/);
    assert.match(await inline.first().textContent() ?? '', /ajout.*week-end compris/);
    assert.equal(await amendment.getByRole('button', { name: 'Accepter' }).count(), 0, 'a member does not decide');
    await assertCaredFor(page);
  });

  test('the secretary sees the diff side by side, accepts, publishes: the new version shows the change and its history', async () => {
    const page = await pageAs(secretary, wide);
    await page.goto(textUrl, { waitUntil: 'networkidle' });
    const amendment = page.locator('[data-amendment="1"]');
    // Side by side on a wide screen: « Avant » with the words taken out, « Après » with the ones put in.
    assert.ok(await amendment.getByText('Avant', { exact: true }).isVisible());
    assert.ok(await amendment.getByText('Après', { exact: true }).isVisible());
    assert.ok(!(await amendment.locator('p ins').isVisible()), 'the inline diff is for phones');
    await amendment.getByLabel('Un mot pour l’auteur').fill('Bonne idée, merci.');
    await amendment.getByRole('button', { name: 'Accepter' }).click();
    await page.getByText('Décision enregistrée.').waitFor();
    assert.ok(await page.locator('[data-amendment="1"]').getByText('Accepté', { exact: true }).isVisible());

    await page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
    await page.getByText('Nouvelle version publiée').waitFor();
    await page.getByRole('heading', { name: 'Le texte, version 2' }).waitFor();
    assert.match(await page.locator('[data-block]').nth(1).innerText(), /week-end\s+compris/);
    assert.ok(await page.locator('[data-amendment="1"]').getByText('Fusionné', { exact: true }).isVisible());
    await assertCaredFor(page);

    await page.getByRole('link', { name: 'Historique et différences' }).click();
    await page.getByRole('heading', { name: 'Les versions' }).waitFor();
    assert.match(await page.locator('[data-version="2"]').innerText(), /1 amendement fusionné/);
    assert.match(await page.locator('[data-version="1"]').innerText(), /le texte initial/);
    const diff = page.locator('[data-diff="changed"]');
    assert.equal(await diff.count(), 1, 'only the changed passage, with its context');
    assert.match(await diff.locator('ins').first().innerText(), /week-end compris/);
    await assertCaredFor(page);
    await page.setViewportSize(narrow);
    await assertCaredFor(page);
    assert.deepEqual(outside, []);
  });
});

describe('the section’s documents', () => {
  const name = `Tract du marché ${run}.pdf`;

  test('a member shares a PDF in a folder, on a phone', async () => {
    const page = await pageAs(member);
    await page.goto(`${stack.urls.site}/sections/paris-11`, { waitUntil: 'networkidle' });
    await page.getByRole('region', { name: 'Textes et documents' }).getByRole('link', { name: 'Documents de l’espace' }).click();
    await page.waitForURL(/\/documents\/section\/paris-11$/);
    // No file chosen: told beside the picker, nothing shared.
    await page.getByRole('button', { name: 'Partager' }).click();
    await page.getByText('Choisissez d’abord un fichier').waitFor();
    await page.getByLabel('Joindre un fichier').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await page.getByText(`« ${name} » est prêt à être partagé.`).waitFor();
    await page.getByLabel('Dossier').fill('Tracts');
    await page.locator('textarea[name="description"]').fill('Le tract de samedi, à imprimer en A5.');
    await page.getByRole('button', { name: 'Partager' }).click();
    await page.getByText('Document partagé.').waitFor();
    const folder = page.getByRole('region', { name: 'Tracts' });
    assert.match(await folder.innerText(), /Le tract de samedi/);
    assert.match(await page.getByText(/utilisés sur/).innerText(), /^\d+\u00a0(octets|Ko) utilisés sur 1\u00a0Mo$/);
    await assertCaredFor(page);
  });

  test('the secretary downloads it; someone outside the section gets nothing', async () => {
    const page = await pageAs(secretary, wide);
    await page.goto(`${stack.urls.site}/documents/section/paris-11`, { waitUntil: 'networkidle' });
    const link = page.getByRole('link', { name });
    const href = (await link.getAttribute('href'))!;
    const file = await page.request.get(`${stack.urls.site}${href}`);
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), pdf);
    await assertCaredFor(page);
    const outsider = await createTestPerson(stack, { email: `txe.dehors.${run}@coopol.example`, givenName: 'Octave', familyName: 'Dehors', postalCode: '35000', member: { memberNumber: `TXE${run.toUpperCase()}3`, sectionId: 'rennes' } });
    const theirs = await pageAs(outsider, wide);
    assert.equal((await theirs.request.get(`${stack.urls.site}${href}`, { maxRedirects: 0 })).status(), 404);
    const listing = await theirs.goto(`${stack.urls.site}/documents/section/paris-11`);
    assert.equal(listing?.status(), 404);
    assert.deepEqual(outside, []);
  });
});
