import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../infra/local/demo-data';
import { repoRoot, startLocalStack } from '../infra/local/stack';
import { launchBrowser } from '../tests/support/browser';
import { freePorts } from '../tests/support/stack';

/**
 * First-load JavaScript of the member's main pages (issue 22, ADR 0026): each page opened in
 * Debian's Chromium with an empty cache, signed in as the demo member, against the built site on
 * the local stack (`next start` behind the gateway). It sums the bytes of the script files the page
 * loads before it is idle, as they travel — what a phone downloads before the page answers — and
 * exits non-zero when a page is over its goal. `COOPOL_NEXT_DIST_DIR=.next-test` reuses the build
 * `npm test` made; `BENCH_FIRST_LOAD_FILES=1` lists each page's files.
 *
 * As production sends them: Chromium asks for brotli over HTTPS (`Accept-Encoding: gzip, deflate,
 * br, zstd`), and CloudFront then sends the build's scripts precompressed at brotli 11
 * (`infra/web/brotli-scripts.ts`); the local site is plain HTTP, where Chromium leaves brotli out,
 * so each context sends the HTTPS header and the gateway answers as CloudFront does. Beside the
 * total: the share of Next.js and React's own runtime (the build manifest's `rootMainFiles`, the
 * same on every page), and the same files in gzip, for a browser without brotli.
 */
const GOAL_KB = 120;
const KB = 1024;
/** What Chromium sends for every request over HTTPS, as on the production site. */
const CHROMIUM_HTTPS_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

const stack = await startLocalStack({ ports: await freePorts(), web: true, demoSocial: true, logLevel: 'SILENT' });
let browser: Browser | undefined;
let over = 0;
try {
  const site = stack.urls.site;
  const signIn = await fetch(`${site}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'adherent.mulhouse@coopol.example', password: DEMO_PASSWORD }),
  });
  const { tokens } = (await signIn.json()) as { tokens: { idToken: string; accessToken: string } };
  const asMember = { headers: { authorization: `Bearer ${tokens.idToken}` } };
  const firstId = async (path: string) => {
    const body = (await (await fetch(`${site}${path}`, asMember)).json()) as { items?: { id: string }[] };
    const id = body.items?.[0]?.id;
    if (!id) throw new Error(`${path} gave no item to open`);
    return id;
  };
  const pages = [
    { name: 'fil', path: '/' },
    { name: 'section', path: '/sections/mulhouse' },
    { name: 'groupe', path: `/groupes/${await firstId('/api/groups?limit=1')}` },
    { name: 'agenda', path: '/agenda' },
    { name: 'événement', path: `/evenements/${await firstId('/api/spaces/section/mulhouse/events?limit=1')}` },
  ];

  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'web', process.env.COOPOL_NEXT_DIST_DIR ?? '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const framework = new Set(manifest.rootMainFiles.map((file) => `/_next/${file}`));

  browser = await launchBrowser();
  const rows: { page: string; path: string; files: number; kb: number; frameworkKb: number; gzipKb: number }[] = [];
  for (const { name, path } of pages) {
    // A new context per page: an empty cache, as on a first visit.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
      extraHTTPHeaders: { 'accept-encoding': CHROMIUM_HTTPS_ACCEPT_ENCODING },
    });
    await context.addCookies([
      { name: 'coopol_id', value: tokens.idToken, url: site, httpOnly: true, sameSite: 'Lax' },
      { name: 'coopol_access', value: tokens.accessToken, url: site, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer>>();
    const encodings = new Map<string, string | undefined>();
    page.on('response', (answer) => {
      if (!new URL(answer.url()).pathname.endsWith('.js')) return;
      bodies.set(answer.url(), answer.body());
      encodings.set(answer.url(), answer.headers()['content-encoding']);
    });
    const response = await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ url: entry.name, bytes: entry.encodedBodySize, raw: entry.decodedBodySize })),
    );
    const notBrotli = scripts.filter((s) => s.raw > 1024 && encodings.get(s.url) !== 'br');
    if (notBrotli.length) throw new Error(`${path}: scripts not sent in brotli: ${notBrotli.map((s) => new URL(s.url).pathname).join(', ')}`);
    let gzip = 0;
    for (const script of scripts) gzip += gzipSync(await bodies.get(script.url)!).length;
    const sum = (list: typeof scripts) => list.reduce((total, s) => total + s.bytes, 0) / KB;
    rows.push({
      page: name, path, files: scripts.length, kb: sum(scripts), gzipKb: gzip / KB,
      frameworkKb: sum(scripts.filter((s) => framework.has(new URL(s.url).pathname))),
    });
    if (process.env.BENCH_FIRST_LOAD_FILES) for (const s of scripts.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${name} ${(s.bytes / KB).toFixed(1)} KB ${new URL(s.url).pathname}`);
    await context.close();
  }

  console.log(`\nFirst-load JavaScript, KB sent (brotli, as CloudFront sends it to Chromium), empty cache; goal ≤ ${GOAL_KB} KB per page:\n`);
  console.log(`${'page'.padEnd(12)}${'files'.padStart(6)}${'brotli'.padStart(8)}${'goal'.padStart(6)}${'left'.padStart(6)}${'runtime'.padStart(9)}${'ours'.padStart(7)}${'gzip'.padStart(8)}`);
  for (const row of rows) {
    const ok = row.kb <= GOAL_KB;
    if (!ok) over += 1;
    const cells = [row.kb.toFixed(1).padStart(8), String(GOAL_KB).padStart(6), (GOAL_KB - row.kb).toFixed(1).padStart(6), row.frameworkKb.toFixed(1).padStart(9), (row.kb - row.frameworkKb).toFixed(1).padStart(7), row.gzipKb.toFixed(1).padStart(8)];
    console.log(`${row.page.padEnd(12)}${String(row.files).padStart(6)}${cells.join('')}  ${ok ? 'ok' : 'OVER'}  ${row.path}`);
  }
  console.log("\nleft: what the page may still grow by; runtime: Next.js and React (rootMainFiles of the build); ours: the site's own client code and Next's client components it uses; gzip: the same files for a browser without brotli.");
} finally {
  await browser?.close();
  await stack.stop();
}
if (over > 0) {
  console.error(`\n${over} page(s) over ${GOAL_KB} KB of first-load JavaScript.`);
  process.exit(1);
}
