import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Names and free texts, through the real API: what no reader can see or trust is refused with the
// field named (control characters, bidirectional overrides, zero-width characters), and what is kept
// is normalised to NFC — an « è » typed as « e » + a combining accent is the same name.
let stack: TestStack;
let person: TestPerson;
const run = randomUUID().slice(0, 6);

before(async () => {
  stack = testStack();
  person = await createTestPerson(stack, {
    email: `textes-${run}@coopol.example`,
    postalCode: '68100',
    member: { memberNumber: `TX${run.toUpperCase()}`, sectionId: 'mulhouse' },
  });
});

const hostileNames = {
  'a line break': 'Agnès\r\nDirectrice',
  'a NUL': 'Agnès\u0000',
  'a right-to-left override': 'Agnès\u202eenirtceriD',
  'a bidi isolate': 'Agnès\u2066x\u2069',
  'a zero-width space': 'Ag\u200bnès',
  'a byte-order mark inside': 'Ag\ufeffnès',
};

describe('names', () => {
  test('a name with a control, bidi or zero-width character is refused with the field named, and nothing changes', async () => {
    const before = await call(stack, person, 'GET', '/api/me/profile');
    for (const [what, givenName] of Object.entries(hostileNames)) {
      const refused = await call(stack, person, 'PATCH', '/api/me/profile', { givenName });
      assert.equal(refused.status, 400, what);
      assert.equal(refused.body.details?.[0]?.field, 'body.givenName', what);
      assert.match(refused.body.details?.[0]?.message, /caractère invisible ou de contrôle/, what);
    }
    const after = await call(stack, person, 'GET', '/api/me/profile');
    assert.equal(after.body.givenName, before.body.givenName);
  });

  test('a name is kept in NFC: a decomposed accent is stored composed', async () => {
    const decomposed = 'Agne\u0300s';
    const saved = await call(stack, person, 'PATCH', '/api/me/profile', { givenName: decomposed });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.givenName, 'Agnès');
    assert.equal(saved.body.givenName.length, 5);
  });

  test('a group name on two lines is refused on its field', async () => {
    const refused = await call(stack, person, 'POST', '/api/groups', { name: 'Santé\nFaux', description: '', kind: 'open', audience: 'all' });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.details?.[0]?.field, 'body.name');
  });
});

describe('free texts', () => {
  test('a post keeps its line breaks and emoji, normalised; a bidi override or a NUL is refused on its field', async () => {
    const space = { type: 'section', id: 'mulhouse' };
    const kept = await call(stack, person, 'POST', '/api/posts', { space, text: 'Re\u0301union jeudi\r\nÀ bientôt 👨‍👩‍👧' });
    assert.equal(kept.status, 201, JSON.stringify(kept.body));
    assert.equal(kept.body.text, 'Réunion jeudi\nÀ bientôt 👨‍👩‍👧');
    for (const text of ['Votez \u202eNON', 'nul\u0000']) {
      const refused = await call(stack, person, 'POST', '/api/posts', { space, text });
      assert.equal(refused.status, 400, JSON.stringify(text));
      assert.equal(refused.body.details?.[0]?.field, 'body.text');
    }
  });
});
