import assert from 'node:assert/strict';
import type { TestStack } from './stack';

/** A mail as the SES emulator keeps it (GET <mail viewer>/store). */
export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  at: number;
}

/**
 * Each test file runs in a process of its own and its people are new: it reads only the mails sent
 * since it started (the emulator's `since`, in seconds, a second of margin). The whole store, once
 * earlier files sent thousands of mails, is tens of megabytes per poll — enough to make the emulator
 * drop connections while several sign-ups poll it at once.
 */
const fileStartedAt = Math.floor(Date.now() / 1000) - 1;

/** Every mail the SES emulator received since this test file started. */
export async function allMails(stack: TestStack): Promise<StoredMail[]> {
  const response = await fetch(`${stack.urls.mailViewer}store?since=${fileStartedAt}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

export async function mailsTo(stack: TestStack, email: string): Promise<StoredMail[]> {
  return (await allMails(stack)).filter((mail) => mail.destination.to.includes(email));
}

/** Waits (up to `timeoutMs`) for a mail to `email` whose subject matches. */
export async function waitForMail(stack: TestStack, email: string, subject: RegExp | string, timeoutMs = 10_000): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs;
  const matches = (mail: StoredMail) => (typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject));
  for (;;) {
    const mail = (await mailsTo(stack, email)).find(matches);
    if (mail) return mail;
    if (Date.now() > deadline) assert.fail(`no mail "${String(subject)}" to ${email}; got: ${JSON.stringify((await mailsTo(stack, email)).map((m) => m.subject))}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The address of the first link whose text or URL matches, in the mail's HTML. */
export function linkIn(mail: StoredMail, pattern: RegExp): string {
  const links = [...(mail.body.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  const found = links.find((href) => pattern.test(href));
  assert.ok(found, `a link matching ${String(pattern)} in ${JSON.stringify(links)}`);
  return found;
}

export const header = (mail: StoredMail, name: string) => mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

export const VERIFY_SUBJECT = 'Coopol : votre code de vérification';

/** The codes of the sign-up code mails sent to `email`, oldest first (the one code of each mail's code block). */
export async function signUpCodesTo(stack: TestStack, email: string): Promise<string[]> {
  return (await mailsTo(stack, email))
    .filter((mail) => mail.subject === VERIFY_SUBJECT)
    .map((mail) => /\b(\d{6})\b/.exec(mail.body.text ?? mail.body.html ?? '')?.[1] ?? assert.fail(`no code in a mail to ${email}`));
}

/** Waits until `email` received `count` sign-up code mails, and gives the code of the latest. */
export async function waitForSignUpCode(stack: TestStack, email: string, count = 1, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const codes = await signUpCodesTo(stack, email);
    if (codes.length >= count) return codes.at(-1)!;
    if (Date.now() > deadline) assert.fail(`${count} sign-up code mail(s) to ${email} expected, ${codes.length} arrived`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
