import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { errorText, frErrors, type ErrorCode, type ErrorParams } from '../../functions/src/contracts/errors';

// The one catalogue of refusals (ADR 0018): every code the API can answer is in it with a French
// text, and no code is thrown that it does not know.

const codes = Object.keys(frErrors) as ErrorCode[];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
const functionSources = sourcesUnder('functions/src').filter((path) => !path.endsWith('contracts/errors.ts'));

/** Dotted literals written where a refusal is made: `new XError('code'`, `['code', {…}]`, a `refusal`, `missing('code')`. */
function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const site = /(?:Error\(\s*\[?\s*|refusal: \([^)]*\) => \[?|refuse\(|roleRefusal\(|missing\(|\? |(?<![nN]ame): )'([a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)'/g;
  for (const path of functionSources) {
    for (const match of readFileSync(path, 'utf8').matchAll(site)) {
      if (!/^(body|params|query|headers)\./.test(match[1]!)) found.set(match[1]!, path);
    }
  }
  return found;
}

test('every code thrown by the functions is in the catalogue', () => {
  const thrown = thrownCodes();
  assert.ok(thrown.size > 60, `only ${thrown.size} refusal sites found: the scan no longer sees them`);
  const unknown = [...thrown].filter(([code]) => !(code in frErrors)).map(([code, path]) => `${code} (${path})`);
  assert.deepEqual(unknown, []);
});

test('every code of the catalogue is answered somewhere', () => {
  const everything = [...functionSources, ...sourcesUnder('web').filter((p) => !p.includes('node_modules') && !p.includes('.next'))]
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const unused = codes.filter((code) => !everything.includes(`'${code}'`));
  assert.deepEqual(unused, [], 'a code no one answers: remove it from the catalogue');
});

// Parameters for the entries written as functions: typed, so a new one cannot be left out.
type FunctionCodes = { [C in ErrorCode]: (typeof frErrors)[C] extends (params: never) => string ? C : never }[ErrorCode];
const samples: { [C in FunctionCodes]: ErrorParams<C> } = {
  'sign-in.locked': { seconds: 120 },
  'sign-up.too-many-requests': { seconds: 30 },
  'sign-up.too-many-codes': { seconds: 600 },
  'sign-up.too-many-wrong-codes': { seconds: 7200 },
  'rsvp.too-many-from-client': { seconds: 60 },
  'slot.full': { others: [{ id: 'b', start: '11:00', end: '13:00', missing: 2 }] },
  'link-preview.too-many': { max: 20, seconds: 40 },
  'sender.too-many': { action: 'invitation', max: 20, period: 'hour', seconds: 1800 },
  'messaging.too-many-messages': { seconds: 40 },
  'messaging.too-many-conversations': { seconds: 3600 },
};
const placeholderSamples: Record<string, string> = { limit: '1048576', reason: 'Adresse refusée', commune: 'Mulhouse', federation: 'Haut-Rhin', free: '12 Mo', asked: '20 Mo' };

test('every code has a French text, with its parameters filled', () => {
  for (const code of codes) {
    const params = (samples as Record<string, Record<string, unknown>>)[code] ?? placeholderSamples;
    const text = errorText(frErrors, code, params);
    assert.ok(text.length > 3, `${code}: empty`);
    assert.doesNotMatch(text, /\{\w+\}|undefined|\[object/, `${code}: « ${text} »`);
    assert.match(text, /^[A-ZÀ-ÖØ-Ý]/, `${code}: a sentence starts with a capital (« ${text} »)`);
  }
  assert.equal(
    errorText(frErrors, 'slot.full', samples['slot.full']),
    'Ce créneau est complet. Il manque encore du monde : 11:00–13:00 (2).',
  );
  assert.equal(errorText(frErrors, 'slot.full', { others: [] }), 'Ce créneau est complet.');
});

test('the site words a refusal from its code, and falls back to the API’s message for a code it does not know', async () => {
  const { refusalText } = await import('../../web/i18n/errors');
  const others = [{ id: 'b', start: '11:00', end: '13:00', missing: 2 }];
  // The code and its parameters decide, whatever the message says (an API in another language, an older wording).
  assert.equal(refusalText({ code: 'slot.full', params: { others }, message: 'Slot full.' }), 'Ce créneau est complet. Il manque encore du monde : 11:00–13:00 (2).');
  assert.equal(refusalText({ code: 'event.not-found', params: {}, message: 'Event not found.' }), 'Événement introuvable.');
  // A code newer than the site, or an API from before codes: the message as sent.
  assert.equal(refusalText({ code: 'slot.moved-elsewhere', params: {}, message: 'Ce créneau a été déplacé.' }), 'Ce créneau a été déplacé.');
  assert.equal(refusalText({ message: 'Réponse inattendue de l’API (HTTP 502).' }), 'Réponse inattendue de l’API (HTTP 502).');
  assert.equal(refusalText({ code: 'toString', message: 'Refusé.' }), 'Refusé.');
});
