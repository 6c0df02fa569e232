import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { api, testStack, type TestStack } from '../support/stack';

// The territory API through the local gateway, on the geography seeded from the official packages.
let stack: TestStack;
before(async () => {
  stack = testStack();
});

describe('regions and federations', () => {
  test('every region of metropolitan France and overseas is listed', async () => {
    const { status, body } = await api(stack, '/api/regions');
    assert.equal(status, 200);
    const items = body.items as { code: string; name: string; zone: string }[];
    assert.equal(items.filter((r) => r.zone === 'metro').length, 13);
    assert.equal(items.filter((r) => r.zone === 'drom').length, 5);
    assert.ok(items.some((r) => r.code === '44' && r.name === 'Grand Est'));
  });

  test('a region lists its federations, one per département', async () => {
    const { status, body } = await api(stack, '/api/regions/44');
    assert.equal(status, 200);
    const codes = (body.federations as { code: string }[]).map((f) => f.code).sort();
    assert.deepEqual(codes, ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88']);
  });

  test('one federation per département plus the federation of members abroad', async () => {
    const { body } = await api(stack, '/api/federations');
    const items = body.items as { code: string; regionCode: string | null; name: string }[];
    const codes = new Set(items.map((f) => f.code));
    for (const code of ['01', '2A', '2B', '75', '971', '974', '976', '95']) assert.ok(codes.has(code), `federation ${code}`);
    const abroad = items.find((f) => f.code === '99');
    assert.equal(abroad?.regionCode, null);
    assert.match(abroad!.name, /étranger/);
    assert.ok(items.length >= 102, `${items.length} federations`);
  });

  test('a federation counts its sections; its sections come by name, a page at a time', async () => {
    const federation = await api(stack, '/api/federations/68');
    assert.equal(federation.body.name, 'Fédération du Haut-Rhin');
    assert.equal(federation.body.sectionCount, 2);

    const first = await api(stack, '/api/federations/68/sections?limit=1');
    assert.equal(first.status, 200);
    assert.deepEqual((first.body.items as { id: string }[]).map((s) => s.id), ['colmar']);
    assert.ok(first.body.nextCursor);
    const second = await api(stack, `/api/federations/68/sections?limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`);
    assert.deepEqual((second.body.items as { id: string }[]).map((s) => s.id), ['mulhouse']);
  });

  test('a federation with no section yet answers an empty page', async () => {
    const { status, body } = await api(stack, '/api/federations/2B/sections');
    assert.equal(status, 200);
    assert.deepEqual(body, { items: [], nextCursor: null });
  });
});

describe('sections', () => {
  test('a section page carries its federation and region', async () => {
    const { status, body } = await api(stack, '/api/sections/mulhouse');
    assert.equal(status, 200);
    assert.equal(body.name, 'Section de Mulhouse');
    assert.equal(body.federationCode, '68');
    assert.equal(body.regionName, 'Grand Est');
    assert.equal(body.communeName, 'Mulhouse');
  });

  test('a section abroad has no region', async () => {
    const { body } = await api(stack, '/api/sections/berlin');
    assert.equal(body.federationCode, '99');
    assert.equal(body.regionCode, null);
  });
});

describe('postal codes', () => {
  test('a postal code resolves to its commune, federation and region', async () => {
    const { status, body } = await api(stack, '/api/postal-codes/68100');
    assert.equal(status, 200);
    assert.deepEqual(body.communes, [
      { code: '68224', name: 'Mulhouse', federation: { code: '68', name: 'Fédération du Haut-Rhin' }, region: { code: '44', name: 'Grand Est' } },
    ]);
  });

  test('a postal code shared by several communes lists them all', async () => {
    const { body } = await api(stack, '/api/postal-codes/68190');
    const communes = body.communes as { name: string; federation: { code: string } }[];
    assert.ok(communes.length > 1, JSON.stringify(communes));
    assert.ok(communes.every((c) => c.federation.code === '68'));
  });

  test('Paris arrondissements, Corsica and overseas resolve to their own federation', async () => {
    const cases = { '75011': '75', '20000': '2A', '20200': '2B', '97400': '974', '97600': '976' };
    for (const [postalCode, federation] of Object.entries(cases)) {
      const { status, body } = await api(stack, `/api/postal-codes/${postalCode}`);
      assert.equal(status, 200, postalCode);
      assert.equal((body.communes as { federation: { code: string } }[])[0]!.federation.code, federation, postalCode);
    }
  });
});

describe('bad input and unknown ids', () => {
  const cases: [string, number, string][] = [
    ['/api/postal-codes/6810', 400, 'params.postalCode'],
    ['/api/postal-codes/ABCDE', 400, 'params.postalCode'],
    ['/api/postal-codes/00000', 404, 'params.postalCode'],
    ['/api/sections/nowhere', 404, 'params.sectionId'],
    ['/api/sections/..%2F..%2Fetc', 400, 'params.sectionId'],
    ['/api/regions/999', 404, 'params.regionCode'],
    ['/api/regions/x', 400, 'params.regionCode'],
    ['/api/federations/00', 404, 'params.federationCode'],
    ['/api/federations/68/sections?limit=0', 400, 'query.limit'],
    ['/api/federations/68/sections?limit=abc', 400, 'query.limit'],
    ['/api/federations/68/sections?cursor=garbage', 400, 'query.cursor'],
  ];
  for (const [path, status, field] of cases) {
    test(`${path} → ${status} naming ${field}`, async () => {
      const response = await api(stack, path);
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.statusCode, status);
      assert.match(response.body.message as string, /\p{L}/u);
      assert.ok(response.body.details?.some((d) => d.field === field), JSON.stringify(response.body));
    });
  }

  test('an unknown route is a 404, a route with another method too', async () => {
    assert.equal((await api(stack, '/api/nowhere')).status, 404);
    assert.equal((await api(stack, '/api/regions', { method: 'DELETE' })).status, 404);
  });
});
