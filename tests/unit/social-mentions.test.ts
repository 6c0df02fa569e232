import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mentionedNames } from '../../functions/src/domain/social/mentions';

test('mentions: what follows each @, folded; at least a first and a last name; an address is no mention', () => {
  assert.deepEqual(mentionedNames('Merci @Chloé Martin pour le tract, et @Jean-Pierre de La Fontaine aussi'), [
    ['chloe', 'martin', 'pour', 'le'],
    ['jean', 'pierre', 'de', 'la', 'fontaine'],
  ]);
  assert.deepEqual(mentionedNames('Écrivez à contact@coopol.example ou à @Anne'), []);
  assert.deepEqual(mentionedNames('@Anne Groupe, puis @Anne Groupe.'), [['anne', 'groupe']]);
});

test('mentions: ten at most per text', () => {
  const text = Array.from({ length: 15 }, (_, i) => `@Personne N${'o'.repeat(i + 1)}m`).join(', ');
  assert.equal(mentionedNames(text).length, 10);
});
