import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInPage, watchOutsideRequests } from '../support/browser';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Every page on a phone (issue 13): at 320 and 375 px, signed out, as a supporter, a member, a
// secretary and a federation officer, with the longest names (« Marie-Christine », the demo's
// longest section): no page scrolls sideways, and every main destination of the navigation — « Aide »
// in the top bar and the bell's « Alertes » included — is on screen. Real pages from `next start` behind the local gateway, in Debian's Chromium.
let stack: TestStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const outside: string[] = [];
let supporter: TestPerson;
let member: TestPerson;
let secretary: TestPerson;
let officer: TestPerson;
let eventId = '';
let groupId = '';
let postId = '';

const LONG_GIVEN = 'Marie-Christine';
const LONG_FAMILY = 'de La Rochefoucauld-Montbel';

before(async () => {
  stack = testStack({ web: true });
  browser = await launchBrowser();
  supporter = await createTestPerson(stack, { email: 'mob.sympathisante@coopol.example', givenName: LONG_GIVEN, familyName: LONG_FAMILY, postalCode: '68200' });
  member = await createTestPerson(stack, {
    email: 'mob.adherente@coopol.example', givenName: LONG_GIVEN, familyName: LONG_FAMILY, postalCode: '68100',
    member: { memberNumber: 'MOB00001', sectionId: 'mulhouse' },
  });
  secretary = await createTestPerson(stack, {
    email: 'mob.secretaire@coopol.example', givenName: LONG_GIVEN, familyName: LONG_FAMILY, postalCode: '68100',
    member: { memberNumber: 'MOB00002', sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  officer = await createTestPerson(stack, {
    email: 'mob.federation@coopol.example', givenName: LONG_GIVEN, familyName: LONG_FAMILY, postalCode: '68000',
    member: { memberNumber: 'MOB00003', sectionId: 'colmar' },
    grants: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '68' }], mfa: true,
  });
  const created = await call(stack, secretary, 'POST', '/api/events', {
    space: { type: 'section', id: 'mulhouse' }, kind: 'tractage',
    title: 'Tractage intercommunal des vallées de la Thur et de la Doller au marché couvert',
    start: '2031-10-04T09:00:00+02:00', end: '2031-10-04T13:00:00+02:00', place: { address: 'Marché du Canal couvert, quai de la Cloche, 68100 Mulhouse' },
    visibility: 'supporters', slots: [{ start: '2031-10-04T09:00:00+02:00', end: '2031-10-04T11:00:00+02:00', needed: 4, label: 'Accueil et distribution des tracts' }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  eventId = created.body.id as string;
  const group = await call(stack, member, 'POST', '/api/groups', { name: 'Soignantes et soignants du Haut-Rhin et du Territoire de Belfort', description: 'Un groupe au nom long.', kind: 'open', audience: 'all' });
  assert.equal(group.status, 201, JSON.stringify(group.body));
  groupId = group.body.id as string;
  const post = await call(stack, member, 'POST', '/api/posts', { space: { type: 'group', id: groupId }, text: 'Anticonstitutionnellement, une très longue publication sans espace : https://example.org/un/chemin/tres/long/qui/ne/se/coupe/pas/tout/seul' });
  assert.equal(post.status, 201, JSON.stringify(post.body));
  postId = post.body.id as string;
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const publicPages = () => ['/', '/trouver-ma-section?cp=68100', '/territoires', '/territoires/regions/44', '/federations/68', '/federations/13', '/sections/mulhouse', '/sections/etang-de-berre', `/evenements/${eventId}`, '/connexion', '/inscription', '/preinscription', '/mot-de-passe-oublie', '/confidentialite'];
const signedInPages = () => [
  '/', '/ma-section', '/sections/mulhouse', '/agenda', '/agenda/section/mulhouse', '/agenda/federation/68', `/evenements/${eventId}`,
  '/groupes', `/groupes/${groupId}`, '/recherche?q=Mulhouse', '/notifications', '/notifications/preferences',
  '/profil', '/coopains', `/personnes/${member.userId}`, '/trouver-ma-section?cp=68100', '/territoires',
];
const rolePages: Record<string, () => string[]> = {
  visitor: publicPages,
  supporter: signedInPages,
  member: () => [...signedInPages(), `/publications/${postId}`, '/sections/mulhouse/membres'],
  secretary: () => ['/', `/evenements/${eventId}`, `/evenements/${eventId}/modifier`, '/evenements/nouveau?espace=section:mulhouse', '/agenda/section/mulhouse', '/remontees/section/mulhouse', '/sections/mulhouse/membres', `/moderation/section/mulhouse`],
  officer: () => ['/', '/remontees/federation/68', '/remontees/region/44', '/deploiement', '/federations/68/membres'],
};
const people = () => ({ supporter, member, secretary, officer });

/** How far the page reaches beyond the screen's right edge (0: no sideways scroll), and what sticks out. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const extra = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;
    if (extra <= 0) return { extra, culprits: '' };
    // The innermost elements past the right edge, to say what to fix.
    const past = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
    const innermost = past.filter((e) => !past.some((other) => other !== e && e.contains(other)));
    const culprits = innermost
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} « ${(e.textContent ?? '').trim().slice(0, 40)} »`)
      .join(', ');
    return { extra, culprits };
  });

/** Whether the element is drawn wholly within the screen's width. */
async function onScreen(page: Page, selector: string, width: number): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width + 0.5;
}

const destinations = ['/', '/ma-section', '/agenda', '/groupes', '/recherche', '/notifications'];

for (const width of [320, 375]) {
  describe(`every page at ${width} px`, () => {
    for (const role of Object.keys(rolePages)) {
      test(`as ${role === 'officer' ? 'a federation officer' : `a ${role}`}: no sideways scroll, the main destinations on screen`, async () => {
        const person = role === 'visitor' ? undefined : people()[role as keyof ReturnType<typeof people>];
        const viewport = { width, height: 700 };
        let page: Page;
        if (person) page = await signedInPage(browser, stack.urls.site, person, { contexts, outside }, viewport);
        else {
          const context = await browser.newContext({ viewport, locale: 'fr-FR' });
          contexts.push(context);
          page = await context.newPage();
          outside.push(...watchOutsideRequests(page));
        }
        const problems: string[] = [];
        for (const path of rolePages[role]!()) {
          const response = await page.goto(`${stack.urls.site}${path}`, { waitUntil: 'networkidle' });
          if ((response?.status() ?? 500) >= 400) problems.push(`${path}: HTTP ${response?.status()}`);
          const { extra, culprits } = await overflow(page);
          if (extra > 0) problems.push(`${path}: ${extra}px of horizontal overflow (${culprits})`);
          if (person) {
            for (const href of destinations) {
              // The bell is a menu (its latest notifications, then « Tout voir »): its button is what is on screen.
              const selector = href === '/notifications' ? 'nav[data-phone-nav] summary:has([data-unread])' : `nav[data-phone-nav] a[href="${href}"]`;
              if (!(await onScreen(page, selector, width))) problems.push(`${path}: « ${href} » not on screen`);
            }
            // « Aide » in the top bar, and the bell has its word under it as the other destinations have.
            if (!(await onScreen(page, 'header a[href="/aide"]', width))) problems.push(`${path}: « Aide » not on screen`);
            const alerts = await page.locator('nav[data-phone-nav] summary > span[aria-hidden="true"]', { hasText: 'Alertes' }).boundingBox();
            if (!alerts || alerts.width < 10 || alerts.x + alerts.width > width + 0.5) problems.push(`${path}: the bell's word « Alertes » not shown`);
          } else {
            for (const href of ['/connexion', '/inscription']) {
              if (!(await onScreen(page, `header a[href="${href}"]`, width))) problems.push(`${path}: « ${href} » not on screen`);
            }
          }
        }
        if (person) {
          // Opening the account menu does not widen the page either.
          await page.goto(`${stack.urls.site}/`, { waitUntil: 'networkidle' });
          await page.locator('header summary', { hasText: 'menu du compte' }).click();
          await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
          const { extra, culprits } = await overflow(page);
          if (extra > 0) problems.push(`account menu open: ${extra}px of horizontal overflow (${culprits})`);
          if (!(await onScreen(page, 'header details ul', width))) problems.push('account menu: not within the screen');
        }
        assert.deepEqual(problems, []);
      });
    }
  });
}

test('nothing left the machine', () => {
  assert.deepEqual(outside, []);
});
