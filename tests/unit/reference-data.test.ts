import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ABROAD_FEDERATION, loadReferenceData } from '../../functions/src/domain/territory/reference-data';

const data = loadReferenceData();

test('one federation per inhabited département, plus the one abroad', () => {
  const codes = data.federations.map((f) => f.code);
  assert.equal(new Set(codes).size, codes.length, 'no duplicate federation');
  for (const code of ['01', '2A', '2B', '69', '75', '95', '971', '972', '973', '974', '976']) assert.ok(codes.includes(code), code);
  assert.ok(codes.includes(ABROAD_FEDERATION.code));
  const zoneOf = new Map(data.regions.map((r) => [r.code, r.zone]));
  assert.equal(data.federations.filter((f) => zoneOf.get(f.regionCode ?? '') === 'metro').length, 96);
  assert.equal(data.federations.filter((f) => zoneOf.get(f.regionCode ?? '') === 'drom').length, 5);
});

test('federation names take the right French article', () => {
  const name = (code: string) => data.federations.find((f) => f.code === code)?.name;
  assert.equal(name('68'), 'Fédération du Haut-Rhin');
  assert.equal(name('01'), 'Fédération de l’Ain');
  assert.equal(name('13'), 'Fédération des Bouches-du-Rhône');
  assert.equal(name('35'), 'Fédération d’Ille-et-Vilaine');
  assert.equal(name('93'), 'Fédération de la Seine-Saint-Denis');
});

test('every postal code resolves only to known federations, and every federation of France’s regions has postal codes', () => {
  const zoneOf = new Map(data.regions.map((r) => [r.code, r.zone]));
  const federations = new Set(data.federations.map((f) => f.code));
  const reached = new Set<string>();
  for (const record of data.postalCodes) {
    assert.match(record.postalCode, /^\d{5}$/);
    for (const commune of record.communes) {
      assert.ok(federations.has(commune.federationCode), `${record.postalCode} → ${commune.federationCode}`);
      reached.add(commune.federationCode);
    }
  }
  for (const f of data.federations) {
    if (zoneOf.get(f.regionCode ?? '') !== 'com') assert.ok(f.code === '99' || reached.has(f.code), `no postal code for ${f.code}`);
  }
  assert.ok(data.postalCodes.length > 6000);
});
