import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's Chromium (never a downloaded browser); `.ci/run` installs it when missing. */
function chromiumPath(): string {
  const candidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Chromium is not installed: `apt-get install -y chromium` (what .ci/run does).');
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // Nothing but the local stack resolves: a request elsewhere fails instead of leaving the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
  });
}

/** Records every request the page makes that is not to 127.0.0.1 (the test asserts there are none). */
export function watchOutsideRequests(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') outside.push(request.url());
  });
  return outside;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Next streams a page's metadata: its <title> may arrive just after the content. Judge the page whole
  // (a page that never gets a title still fails: axe then reports it).
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/**
 * No serious or critical axe violation on the page (`where` names it in the failure). Waits for the
 * title first: after a server action's redirect, the new page's title arrives with its streamed metadata.
 */
export async function assertAccessible(page: Page, where = 'the page'): Promise<void> {
  await page.waitForFunction(() => document.title !== '');
  const violations = await seriousAccessibilityViolations(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

/**
 * A page signed in as `person` (the session cookies as the sign-in action sets them; sign-in itself
 * has its own browser test). Its context joins `contexts` (to close after), its requests off the
 * machine join `outside` (to assert there are none).
 */
export async function signedInPage(
  browser: Browser,
  site: string,
  person: { idToken: string; accessToken: string },
  watch: { contexts: BrowserContext[]; outside: string[] },
  viewport = { width: 390, height: 844 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  watch.contexts.push(context);
  await context.addCookies([
    { name: 'coopol_id', value: person.idToken, url: site, httpOnly: true, sameSite: 'Lax' },
    { name: 'coopol_access', value: person.accessToken, url: site, httpOnly: true, sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  watch.outside.push(...watchOutsideRequests(page));
  return page;
}

/** No sideways scroll; when there is, which elements stick out (to fix them, not to hide them). */
export async function assertFitsWidth(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { by: document.documentElement.scrollWidth - width, outside };
  });
  assert.ok(overflow.by <= 0, `${overflow.by}px of sideways scroll at ${page.viewportSize()?.width} px: ${overflow.outside.join(', ')}`);
}
