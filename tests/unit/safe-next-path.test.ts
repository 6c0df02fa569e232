import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNextPath } from '../../web/lib/safe-next-path';

// `?suite=` after signing in or onboarding: only a path of this site, as the browser would read it.
test('paths of this site pass, normalised as the browser reads them', () => {
  assert.equal(safeNextPath('/groupes'), '/groupes');
  assert.equal(safeNextPath('/evenements/abc?onglet=benevoles#creneaux'), '/evenements/abc?onglet=benevoles#creneaux');
  assert.equal(safeNextPath('/agenda/../profil'), '/profil');
});

test('anything that would leave the site falls back, whatever its spelling', () => {
  const hostile = [
    '//evil.example/',
    '/\\evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/\r\n/evil.example',
    '\\\\evil.example',
    '/\\\t/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /profil',
    '',
  ];
  for (const raw of hostile) assert.equal(safeNextPath(raw, '/profil'), '/profil', JSON.stringify(raw));
  assert.equal(safeNextPath(undefined), '/profil');
  assert.equal(safeNextPath(42, '/bienvenue'), '/bienvenue');
});
