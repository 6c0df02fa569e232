import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../infra/local/demo-data';
import { freePort, LocalStackError } from '../infra/local/processes';
import { repoRoot, startLocalStack, type LocalStack } from '../infra/local/stack';
// The one way the repo drives Debian's Chromium (nothing resolves beyond 127.0.0.1).
import { launchBrowser } from '../tests/support/browser';

/**
 * `npm run screenshots`: PNGs of the main pages at desktop (1280 px) and phone (375 px) width, signed
 * out and as demo accounts, into `screenshots/` (git-ignored; on a phone also the first screen alone) — to look at the site without running
 * it by hand. Starts its own local stack with the demo data (in memory, on free ports), or uses a
 * running one: `COOPOL_SITE=http://127.0.0.1:3000 npm run screenshots` (its demo accounts must not
 * need TOTP, as with `npm start`). Debian's Chromium, nothing leaves the machine; set
 * COOPOL_NEXT_DIST_DIR=.next-test to reuse the build `npm test` made.
 */
const out = path.join(repoRoot, 'screenshots');
/** `COOPOL_SCREENSHOT_WIDTHS=1280,320` for other widths; `COOPOL_SCREENSHOTS=messages` for the shots whose name has that word only. */
const widths = process.env.COOPOL_SCREENSHOT_WIDTHS?.split(',').map(Number).filter((w) => w > 0) ?? [1280, 375];
const only = process.env.COOPOL_SCREENSHOTS;

type Shot = { who: string; name: string; path: string };

async function signIn(site: string, email: string) {
  const response = await fetch(`${site}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { status?: string; tokens?: { idToken: string; accessToken: string } };
  if (body.status !== 'SIGNED_IN' || !body.tokens) throw new LocalStackError(`${email} could not sign in (${response.status} ${body.status ?? ''}): is it a demo stack without TOTP?`);
  return body.tokens;
}

async function firstEventOf(site: string, token: string, space: string): Promise<string | undefined> {
  const response = await fetch(`${site}/api/spaces/${space}/events?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: { id: string }[] };
  return body.items?.[0]?.id;
}

/** The newest conversation of that kind in the person's inbox (a direct one, or a space's salon). */
async function firstConversationOf(site: string, token: string, kind: 'direct' | 'salon' = 'direct'): Promise<string | undefined> {
  const response = await fetch(`${site}/api/conversations?limit=10`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: { conversationId: string; kind: string }[] };
  return body.items?.find((item) => item.kind === kind)?.conversationId;
}

/** The space's newest text and the first passage it may be amended at (the demo's motion of the Mulhouse section). */
async function firstTextOf(site: string, token: string, space: string): Promise<{ id: string; block: string } | undefined> {
  const response = await fetch(`${site}/api/spaces/${space}/texts?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const id = ((await response.json()) as { items?: { id: string }[] }).items?.[0]?.id;
  if (!id) return undefined;
  const text = (await (await fetch(`${site}/api/texts/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { blocks: { id: string }[] };
  return { id, block: text.blocks[1]!.id };
}

/** A message of the section to its members, written by its secretary, sent or left a draft (for its pages). */
async function mailingOf(site: string, token: string, space: string, send: boolean): Promise<string | undefined> {
  const post = (path: string, body: unknown) =>
    fetch(`${site}/api/spaces/${space}/mailings${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const created = (await (await post('', { subject: send ? 'Réunion de rentrée jeudi' : 'Tractage du marché samedi', text: 'Jeudi à 19 h, au local.\n\nVenez nombreux !', postInSpace: send })).json()) as { id?: string };
  if (created.id && send) await post(`/${created.id}/send`, {});
  return created.id;
}

async function shoot(browser: Browser, site: string, shots: Shot[], who: string, tokens?: { idToken: string; accessToken: string; name: string }) {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 800 }, locale: 'fr-FR', deviceScaleFactor: 1 });
    if (tokens) {
      await context.addCookies([
        { name: 'coopol_id', value: tokens.idToken, url: site, httpOnly: true, sameSite: 'Lax' },
        { name: 'coopol_access', value: tokens.accessToken, url: site, httpOnly: true, sameSite: 'Lax' },
        { name: 'coopol_name', value: tokens.name, url: site, httpOnly: true, sameSite: 'Lax' },
      ]);
    }
    const page = await context.newPage();
    for (const shot of shots.filter((s) => s.who === who && (!only || s.name.includes(only)))) {
      await page.goto(`${site}${shot.path}`, { waitUntil: 'networkidle' });
      const file = path.join(out, `${shot.who}-${shot.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`  ${path.relative(repoRoot, file)}`);
      // On a phone, also the first screen as one sees it, with the navigation bar fixed at its bottom.
      if (width < 600) await page.screenshot({ path: path.join(out, `${shot.who}-${shot.name}-${width}-ecran.png`) });
    }
    await context.close();
  }
}

async function main() {
  let stack: LocalStack | undefined;
  let site = process.env.COOPOL_SITE?.replace(/\/$/, '');
  if (!site) {
    console.log('Starting a local stack with the demo data (about a minute; the site is built if its sources changed)…');
    stack = await startLocalStack({
      ports: { site: await freePort(), web: await freePort(), dynamodb: await freePort(), cognito: await freePort(), ses: await freePort(), s3: await freePort() },
      web: true,
      demoSocial: true,
      logLevel: 'SILENT',
      progress: (line) => console.log(`· ${line}`),
    });
    site = stack.urls.site;
  }
  const browser = await launchBrowser();
  try {
    mkdirSync(out, { recursive: true });
    const marc = { ...(await signIn(site, 'adherent.mulhouse@coopol.example')), name: 'Marc' };
    const samir = { ...(await signIn(site, 'secretaire.mulhouse@coopol.example')), name: 'Samir' };
    const simon = { ...(await signIn(site, 'sympathisant@coopol.example')), name: 'Simon' };
    const event = await firstEventOf(site, marc.idToken, 'section/mulhouse');
    const conversation = await firstConversationOf(site, marc.idToken);
    const salon = await firstConversationOf(site, marc.idToken, 'salon');
    const text = await firstTextOf(site, marc.idToken, 'section/mulhouse');
    const [sent, draft] = [await mailingOf(site, samir.idToken, 'section/mulhouse', true), await mailingOf(site, samir.idToken, 'section/mulhouse', false)];
    const shots: Shot[] = [
      { who: 'visiteur', name: 'accueil', path: '/' },
      { who: 'visiteur', name: 'trouver-ma-section', path: '/trouver-ma-section?cp=68100' },
      { who: 'visiteur', name: 'section', path: '/sections/mulhouse' },
      { who: 'visiteur', name: 'territoires', path: '/territoires' },
      { who: 'visiteur', name: 'inscription', path: '/inscription?cp=68100' },
      ...(event ? [{ who: 'visiteur', name: 'evenement', path: `/evenements/${event}` }] : []),
      { who: 'sympathisant', name: 'accueil', path: '/' },
      { who: 'sympathisant', name: 'trouver-ma-section', path: '/trouver-ma-section?cp=68200' },
      { who: 'adherent', name: 'accueil', path: '/' },
      { who: 'adherent', name: 'section', path: '/sections/mulhouse' },
      { who: 'adherent', name: 'agenda', path: '/agenda' },
      { who: 'adherent', name: 'groupes', path: '/groupes' },
      { who: 'adherent', name: 'recherche', path: '/recherche?q=Mulhouse' },
      { who: 'adherent', name: 'notifications', path: '/notifications' },
      { who: 'adherent', name: 'messagerie', path: '/messages' },
      ...(conversation ? [{ who: 'adherent', name: 'messagerie-conversation', path: `/messages/${conversation}` }] : []),
      ...(salon ? [{ who: 'adherent', name: 'messagerie-salon', path: `/messages/${encodeURIComponent(salon)}` }, { who: 'adherent', name: 'groupe-salon', path: `/groupes/${salon.split(':')[1]}` }] : []),
      { who: 'adherent', name: 'profil', path: '/profil' },
      ...(text
        ? [
            { who: 'adherent', name: 'texte', path: `/textes/${text.id}` },
            { who: 'adherent', name: 'texte-amender', path: `/textes/${text.id}/amender?bloc=${text.block}` },
            { who: 'adherent', name: 'texte-versions', path: `/textes/${text.id}/versions` },
            { who: 'secretaire', name: 'texte', path: `/textes/${text.id}` },
            { who: 'secretaire', name: 'texte-imprimer', path: `/textes/${text.id}/imprimer` },
          ]
        : []),
      { who: 'secretaire', name: 'textes-liste', path: '/textes/espace/section/mulhouse' },
      { who: 'adherent', name: 'documents', path: '/documents/section/mulhouse' },
      { who: 'adherent', name: 'section-textes', path: '/sections/mulhouse' },
      { who: 'secretaire', name: 'texte-nouveau', path: '/textes/espace/section/mulhouse/nouveau' },
      ...(event ? [{ who: 'adherent', name: 'evenement', path: `/evenements/${event}` }] : []),
      { who: 'secretaire', name: 'agenda-section', path: '/agenda/section/mulhouse' },
      { who: 'secretaire', name: 'nouvel-evenement', path: '/evenements/nouveau?espace=section:mulhouse' },
      ...(event ? [{ who: 'secretaire', name: 'evenement', path: `/evenements/${event}` }] : []),
      { who: 'secretaire', name: 'remontees', path: '/remontees/section/mulhouse' },
      { who: 'secretaire', name: 'section-messages', path: '/sections/mulhouse' },
      { who: 'secretaire', name: 'messages-liste', path: '/messages-aux-membres/section/mulhouse' },
      { who: 'secretaire', name: 'messages-nouveau', path: '/messages-aux-membres/section/mulhouse/nouveau' },
      ...(draft ? [{ who: 'secretaire', name: 'messages-brouillon', path: `/messages-aux-membres/section/mulhouse/${draft}?prenom=Lucie` }] : []),
      ...(sent ? [{ who: 'secretaire', name: 'messages-envoye', path: `/messages-aux-membres/section/mulhouse/${sent}` }] : []),
    ];
    console.log(`Screenshots of ${site} into ${path.relative(repoRoot, out)}/:`);
    await shoot(browser, site, shots, 'visiteur');
    await shoot(browser, site, shots, 'sympathisant', simon);
    await shoot(browser, site, shots, 'adherent', marc);
    await shoot(browser, site, shots, 'secretaire', samir);
  } finally {
    await browser.close();
    await stack?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof LocalStackError ? `✗ ${error.message}` : error);
    process.exit(1);
  },
);
