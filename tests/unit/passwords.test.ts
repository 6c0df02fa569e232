import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonLongPasswords } from '../../functions/src/domain/identity/common-passwords';
import { assertAcceptablePassword } from '../../functions/src/domain/identity/passwords';
import { commonPasswordsFromPackage } from '../../scripts/derive-common-passwords';

const person = { email: 'jeanne.martin@coopol.example', givenName: 'Jeanne', familyName: 'Martin' };
const refusal = (password: string) => {
  try {
    assertAcceptablePassword(password, person);
    return [];
  } catch (error) {
    return (error as { details: { field: string; message: string }[] }).details.map((d) => d.message);
  }
};

test('the bundled list is exactly the package’s entries long enough to be a password (regenerate after an upgrade)', () => {
  assert.deepEqual([...commonLongPasswords].sort(), commonPasswordsFromPackage());
  assert.ok(commonLongPasswords.size > 500);
});

test('refused: too short, common (whatever the case), a repeated pattern, one’s own name or address', () => {
  assert.deepEqual(refusal('court'), ['au moins 12 caractères']);
  assert.match(refusal('000000000000').join(), /trop courant/);
  assert.match(refusal('0147896325YOU').join(), /trop courant/);
  assert.match(refusal('abcabcabcabc').join(), /trop courant/);
  assert.match(refusal('Jeanne-aime-le-printemps').join(), /votre nom/);
  assert.match(refusal('martin-du-jardin-2026').join(), /votre nom/);
});

test('accepted: a long passphrase of one’s own', () => {
  assert.deepEqual(refusal('Vingt-sept lapins dansent au marché'), []);
});
