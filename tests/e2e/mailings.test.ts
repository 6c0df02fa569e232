import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertFitsWidth, describeViolations, launchBrowser, seriousAccessibilityViolations, signedInPage, watchOutsideRequests } from '../support/browser';
import { waitForMail } from '../support/mail';
import { createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Messages to a space's members (issue 16, ADR 0028), through the real pages in Debian's Chromium at
// phone width: the secretary of the Paris 18e section (TOTP on) writes to the whole section, is
// refused next to the field she left empty, previews it as « Lucie » would read it, sends herself a
// test, sends it and watches it go; a member of the section reads it in the mail viewer — the
// section's name as the sender, her address to reply to, the one-click unsubscribe link — and in the
// section's feed, where it was posted too. A member who does not speak for the section sees no way in.
let stack: TestStack;
let browser: Browser;
let secretary: TestPerson;
let member: TestPerson;
const contexts: BrowserContext[] = [];
const outside: string[] = [];
const narrow = { width: 320, height: 720 };
const run = Date.now().toString(36);
const subject = `Réunion de rentrée ${run}`;

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  secretary = await createTestPerson(stack, {
    email: `mle.secretaire.${run}@coopol.example`, givenName: 'Nadia', familyName: 'Benali', postalCode: '75018',
    member: { memberNumber: `MLE${run.toUpperCase()}1`, sectionId: 'paris-18' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'paris-18' }], mfa: true,
  });
  member = await createTestPerson(stack, {
    email: `mle.adherent.${run}@coopol.example`, givenName: 'Lucien', familyName: 'Moreau', postalCode: '75018',
    member: { memberNumber: `MLE${run.toUpperCase()}2`, sectionId: 'paris-18' },
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

/** A display name as mail clients show it: RFC 2047's `=?UTF-8?B?…?=` decoded (the mail viewer shows the header as sent). */
const decodedName = (from: string) => from.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

describe('the secretary writes to her section, and a member reads it', () => {
  let messageUrl = '';

  test('from the section’s page to the composer: a refusal next to its field, the segment’s criteria only for a part', async () => {
    const page = await pageAs(secretary);
    await page.goto(`${stack.urls.site}/sections/paris-18`, { waitUntil: 'networkidle' });
    const card = page.getByRole('region', { name: 'Messages aux membres' });
    await card.getByRole('link', { name: 'Écrire un message' }).click();
    await page.waitForURL(/\/messages-aux-membres\/section\/paris-18\/nouveau$/);
    await page.getByRole('heading', { level: 1, name: 'Écrire aux membres' }).waitFor();
    // A section has only adhérents: the choice is not offered; « Publier aussi » only for the whole section.
    assert.equal(await page.getByRole('group', { name: 'Adhérents ou sympathisants' }).count(), 0);
    assert.ok(await page.getByLabel('Publier aussi dans l’espace').isVisible());
    assert.ok(!(await page.getByLabel('Centres d’intérêt').isVisible()));
    await page.getByLabel('À une partie seulement').check();
    assert.ok(await page.getByLabel('Centres d’intérêt').isVisible());
    assert.ok(!(await page.getByLabel('Publier aussi dans l’espace').isVisible()), 'a segmented message is never posted');
    await assertCaredFor(page);
    await page.getByLabel('À tous les adhérents de la section').check();

    // The subject left empty: the API names the field, the page shows it beside it, the text typed stays.
    await page.getByLabel('Texte').fill('Jeudi à 19 h, salle Championnet.\n\nVenez nombreux !');
    await page.getByRole('button', { name: 'Enregistrer et voir l’aperçu' }).click();
    const subjectField = page.getByLabel('Objet');
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    assert.equal(await subjectField.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('[role="alert"]').first().innerText(), /\S/);
    assert.equal(await page.getByLabel('Texte').inputValue(), 'Jeudi à 19 h, salle Championnet.\n\nVenez nombreux !');
    await assertCaredFor(page);

    await subjectField.fill(subject);
    await page.getByLabel('Publier aussi dans l’espace').check();
    // Her own address to reply to: shown before anything is sent.
    await page.getByLabel(`Ma propre adresse\u00a0: ${secretary.email}`).check();
    await page.getByRole('button', { name: 'Enregistrer et voir l’aperçu' }).click();
    await page.waitForURL(/\/messages-aux-membres\/section\/paris-18\/[0-9a-f]{24}\?cree=1$/);
    messageUrl = page.url().replace(/\?.*$/, '');
    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    const facts = page.getByRole('region', { name: 'Qui le recevra' });
    assert.match(await facts.innerText(), /Section Paris 18e · Coopol/);
    assert.match(await facts.innerText(), new RegExp(secretary.email.replaceAll('.', '\\.')));
    // The reach is a count (« moins de 10 » below 10), streamed in once the section is read through.
    await facts.locator('[data-reach]').filter({ hasText: /personnes/ }).waitFor();
    await assertCaredFor(page);
  });

  test('she rewrites her draft with the posts’ formatting, previews it as « Lucie » would read it and sends herself a test', async () => {
    const page = await pageAs(secretary);
    await page.goto(messageUrl, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Modifier le brouillon' }).click();
    await page.waitForURL(/\/nouveau\?modifier=[0-9a-f]{24}$/);
    assert.equal(await page.getByLabel('Objet').inputValue(), subject, 'the draft as she left it');
    await page.getByLabel('Texte').fill('Jeudi à 19 h, salle Championnet.\n\nAu programme :\n- la rentrée\n- les **tractages**\n\nVenez nombreux !');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL(/\?modifie=1$/);
    assert.equal(page.url().replace(/\?.*$/, ''), messageUrl, 'the same draft, rewritten');
    await page.getByText('Brouillon modifié').waitFor();
    await page.getByLabel('Prénom du destinataire').fill('Lucie');
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await page.waitForURL(/\?prenom=Lucie$/);
    assert.match(await page.locator('[data-preview-subject]').innerText(), new RegExp(`^\\[Section Paris 18e\\] ${subject}$`));
    const mail = page.frameLocator('iframe[title="Aperçu de l’e-mail"]').locator('body');
    await mail.getByText('Bonjour Lucie,').waitFor();
    await mail.getByText('Venez nombreux !').waitFor();
    // The posts' small Markdown, in the mail too: bold and a list.
    await mail.locator('strong', { hasText: 'tractages' }).waitFor();
    assert.equal(await mail.locator('li').count(), 2);
    await assertCaredFor(page);

    await page.getByRole('button', { name: 'M’envoyer un test' }).click();
    await page.getByText('Le test est parti vers votre adresse').waitFor();
    await waitForMail(stack, secretary.email, `[Section Paris 18e] ${subject}`);
    await page.reload({ waitUntil: 'networkidle' });
    assert.equal(await page.getByText('Brouillon', { exact: true }).count(), 1, 'a test sends nothing else: still a draft');
  });

  test('she sends it and watches it go; the list shows it sent', async () => {
    const page = await pageAs(secretary);
    await page.goto(messageUrl, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    // Not without saying she read it over, for how many.
    await page.getByText('Cochez la case pour confirmer l’envoi.').waitFor();
    await page.getByLabel(/J’ai relu l’aperçu et je l’envoie à .*personnes/).check();
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.waitForURL(/\?envoye=1$/);
    const progress = page.getByRole('region', { name: 'L’envoi' });
    await progress.waitFor();
    // The page refreshes itself while it goes, and stops once sent.
    await page.getByText('Envoyé', { exact: true }).waitFor({ timeout: 60_000 });
    assert.match(await progress.innerText(), /\d+ envoyés? sur \d+ destinataires?/);
    await assertCaredFor(page);

    await page.goto(`${stack.urls.site}/messages-aux-membres/section/paris-18`, { waitUntil: 'networkidle' });
    const item = page.locator('li[data-mailing]').filter({ hasText: subject });
    await item.getByText('Envoyé', { exact: true }).waitFor();
    assert.match(await item.innerText(), /À tout l’espace/);
    await assertCaredFor(page);
  });

  test('a member reads it in the mail viewer: the section as its sender, the reply address, the unsubscribe link', async () => {
    await waitForMail(stack, member.email, `[Section Paris 18e] ${subject}`, 60_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    contexts.push(context);
    const viewer = await context.newPage();
    outside.push(...watchOutsideRequests(viewer));
    await viewer.goto(stack.urls.mailViewer, { waitUntil: 'networkidle' });
    const mail = viewer.locator('div.email').filter({ hasText: subject }).filter({ hasText: member.email });
    await mail.first().waitFor();
    const from = await mail.first().locator('p').filter({ hasText: 'From:' }).innerText();
    assert.match(decodedName(from), /Section Paris 18e · Coopol </);
    assert.match(await mail.first().locator('p').filter({ hasText: 'Reply to:' }).innerText(), new RegExp(secretary.email.replaceAll('.', '\\.')));
    await mail.first().getByRole('button', { name: 'Toggle HTML view' }).click();
    const body = mail.first().frameLocator('iframe').locator('body');
    await body.getByText('Bonjour Lucien,').waitFor();
    assert.match(await body.innerText(), /Nadia Benali, pour Section Paris 18e/);
    const unsubscribe = await body.getByRole('link', { name: 'se désinscrire' }).getAttribute('href');
    assert.match(unsubscribe ?? '', /\/desinscription\/messages\/[\w-]+\?espace=section(%3A|:)paris-18$/);
  });

  test('the member reads it in the section’s feed too, and is offered no way to write to the section', async () => {
    const page = await pageAs(member);
    for (let i = 0; ; i++) {
      await page.goto(`${stack.urls.site}/sections/paris-18`, { waitUntil: 'networkidle' });
      if ((await page.locator('main').getByText(subject).count()) > 0) break;
      assert.ok(i < 30, 'the message was not posted in the section within 30 s');
      await page.waitForTimeout(1000);
    }
    assert.equal(await page.getByRole('region', { name: 'Messages aux membres' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Écrire un message' }).count(), 0);
    await assertCaredFor(page);
    // And the pages themselves refuse him (the API decides; the site only hid the way).
    await page.goto(`${stack.urls.site}/messages-aux-membres/section/paris-18`, { waitUntil: 'networkidle' });
    await page.getByText('Seuls les responsables de cet espace écrivent à ses membres.').waitFor();
    await page.goto(messageUrl, { waitUntil: 'networkidle' });
    await page.getByText('Seuls les responsables de cet espace écrivent à ses membres.').waitFor();
    assert.deepEqual(outside, []);
  });
});

describe('« Mails reçus »: the member chooses which spaces write to him', () => {
  test('one switch per space and kind, saved without JavaScript at 320 px; the page with JavaScript shows the same', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: narrow, locale: 'fr-FR' });
    contexts.push(plain);
    await plain.addCookies([
      { name: 'coopol_id', value: member.idToken, url: stack.urls.site, httpOnly: true, sameSite: 'Lax' },
      { name: 'coopol_access', value: member.accessToken, url: stack.urls.site, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await plain.newPage();
    outside.push(...watchOutsideRequests(page));
    await page.goto(`${stack.urls.site}/notifications/preferences`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Mails reçus' }).waitFor();
    const section = page.getByRole('checkbox', { name: 'Messages de Section Paris 18e' });
    assert.equal(await section.isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Les annonces des événements de mes espaces' }).isChecked(), true);
    await section.uncheck();
    await page.getByRole('button', { name: 'Enregistrer mes mails' }).click();
    await page.waitForLoadState('networkidle');
    const answered = await page.locator('body').innerText();
    assert.match(answered, /Vos choix de mails sont enregistrés\./, `${page.url()}\n${answered.slice(0, 3000)}`);

    const live = await pageAs(member);
    await live.goto(`${stack.urls.site}/notifications/preferences`, { waitUntil: 'networkidle' });
    assert.equal(await live.getByRole('checkbox', { name: 'Messages de Section Paris 18e' }).isChecked(), false);
    assert.equal(await live.getByRole('checkbox', { name: 'Les annonces des événements de mes espaces' }).isChecked(), true);
    await assertCaredFor(live);
    assert.deepEqual(outside, []);
  });
});

describe('a form of the site without JavaScript', () => {
  test('the composer posts to its server action and comes back with the refusal beside its field', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: narrow, locale: 'fr-FR' });
    contexts.push(plain);
    await plain.addCookies([
      { name: 'coopol_id', value: secretary.idToken, url: stack.urls.site, httpOnly: true, sameSite: 'Lax' },
      { name: 'coopol_access', value: secretary.accessToken, url: stack.urls.site, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await plain.newPage();
    outside.push(...watchOutsideRequests(page));
    await page.goto(`${stack.urls.site}/messages-aux-membres/section/paris-18/nouveau`, { waitUntil: 'networkidle' });
    await page.getByLabel('Texte').fill('Sans JavaScript, le formulaire part quand même.');
    await page.getByRole('button', { name: 'Enregistrer et voir l’aperçu' }).click();
    await page.waitForLoadState('networkidle');
    const subjectField = page.getByLabel('Objet');
    assert.equal(await subjectField.getAttribute('aria-invalid'), 'true', (await page.locator('body').innerText()).slice(0, 2000));
    assert.equal(await page.getByLabel('Texte').inputValue(), 'Sans JavaScript, le formulaire part quand même.');
    await assertFitsWidth(page);
    assert.deepEqual(outside, []);
  });
});
