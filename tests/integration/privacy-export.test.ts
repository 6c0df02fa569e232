import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { tinyPng } from '../support/attachments';
import { linkIn, waitForMail } from '../support/mail';
import { call } from '../support/people';
import { memberWhoDidEverything, type Everything } from '../support/privacy';
import { testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// « Télécharger mes données » through the real handlers and the privacy-sweep job: a member who did
// what the demo lets one do (tests/support/privacy.ts) asks for her archive; it holds one entry per
// kind of data the inventory says is exported, her files, and a readable page — and nothing of others.

let stack: TestStack;
let made: Everything;

before(async () => {
  stack = testStack();
  made = await memberWhoDidEverything(stack, '127.0.0.42');
});

describe('export', () => {
  test('the archive holds every kind of data the inventory exports, made through the API, and reaches its owner only', { timeout: 240_000 }, async () => {
    const { eulalie, basile } = made;
    const asked = await call(stack, eulalie, 'POST', '/api/me/exports');
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const exportId = asked.body.id as string;
    // Asking again while it is prepared answers the same one.
    assert.equal((await call(stack, eulalie, 'POST', '/api/me/exports')).body.id, exportId);

    const done = await until('the archive is ready', () => call(stack, eulalie, 'GET', '/api/me/exports'), (r) => (r.body.items as { state: string }[])[0]?.state === 'done', 180_000);
    const status = (done.body.items as { id: string; found: number; scanned: number; availableUntil: string }[])[0]!;
    assert.equal(status.id, exportId);
    assert.ok(status.found > 20 && status.scanned > status.found, JSON.stringify(status));
    assert.ok(Date.parse(status.availableUntil) - Date.now() > 6.9 * 86_400_000, 'available 7 days');

    // The mail gives a Coopol page, not the file: the download is handed out to the signed-in owner.
    const mail = await waitForMail(stack, eulalie.email, 'Coopol : l’archive de vos données est prête', 30_000);
    assert.match(linkIn(mail, /\/profil\/donnees\?archive=[\w-]+/), new RegExp(exportId));
    assert.equal((await call(stack, basile, 'GET', `/api/me/exports/${exportId}/download`)).status, 404);
    const link = await call(stack, eulalie, 'GET', `/api/me/exports/${exportId}/download`);
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.ok((link.body.expiresInSeconds as number) <= 600);
    const zip = unzipSync(new Uint8Array(await (await fetch(link.body.url as string)).arrayBuffer()));

    const json = JSON.parse(strFromU8(zip['donnees.json']!)) as { data: Record<string, { items: Record<string, unknown>[] }> };
    const { inventory } = await import('../../functions/src/domain/privacy/inventory');
    const expected = inventory.filter((r) => r.export === 'include').map((r) => `${r.feature}/${r.entity}`);
    for (const entity of expected) {
      assert.ok(json.data[entity]?.items.length, `the archive has her ${entity}`);
    }
    assert.deepEqual(Object.keys(json.data).filter((e) => !expected.includes(e)), [], 'nothing the inventory does not export');
    // Her own items only: no one else's notifications, friendships or posts that merely name her.
    const text = JSON.stringify(json);
    assert.ok(!text.includes(basile.email) && !text.includes('Qui vient au marché'), 'nothing of Basile’s own');
    assert.equal(json.data['social/post']!.items.length, 1);
    // The archive is its two documents and her files, no table item (file names carry random ids: no pattern on them).
    assert.deepEqual(Object.keys(zip).filter((name) => !['donnees.json', 'index.html'].includes(name) && !name.startsWith('fichiers/')), []);
    assert.ok(!text.includes('"pk"') && !text.includes('__edb_e__'), 'no table keys');

    // Her files themselves, and a French page that opens offline.
    const files = Object.keys(zip).filter((name) => name.startsWith('fichiers/') && !name.endsWith('/'));
    assert.deepEqual(files.map((name) => name.replace(/^fichiers\/[\w-]+?-/, '')).sort(), ['charte.png', 'photo', 'tract.png'], 'her photo, her post’s file and her shared document');
    assert.deepEqual([...zip[files.find((f) => f.endsWith('tract.png'))!]!], [...tinyPng], 'the file itself');
    const page = strFromU8(zip['index.html']!);
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /Mes données sur Coopol/);
    assert.match(page, /Publication/);
    assert.ok(!/<script/i.test(page));
  });
});
