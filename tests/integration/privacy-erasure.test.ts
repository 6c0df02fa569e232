import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { generateSync } from 'otplib';
import { tinyPng, uploadAttachment } from '../support/attachments';
import { call, createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// « Supprimer mon compte » through the real handlers and the privacy-sweep job: a member who did
// what the demo lets one do (profile, photo, group, friend, posts with a mention and a file, comments,
// a report, an event and a slot, a calendar feed, a role) erases her account; then the whole table is
// scanned and the whole bucket listed. Colmar (68) is the section of everyone here.

let stack: TestStack;
const run = randomUUID().slice(0, 6);
// Names made of letters only (a mention is @Prénom Nom).
const tag = run.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
let eulalie: TestPerson; // member, web referent of Colmar (TOTP on), the one who leaves
let basile: TestPerson; // member, her friend
let secretary: TestPerson; // Colmar's secretary, who organizes the event
const eulalieName = { givenName: 'Eulalie', familyName: `Effacée${tag}` };

const post = async (person: TestPerson, text: string, extra: Record<string, unknown> = {}) => {
  const created = await call(stack, person, 'POST', '/api/posts', { space: { type: 'section', id: 'colmar' }, text, ...extra });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id as string;
};
const ok = async (response: Promise<{ status: number; body: unknown }>, what: string) => {
  const r = await response;
  assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

async function scanAll(): Promise<Record<string, unknown>[]> {
  const { documentClient, tableName } = await import('../../functions/src/shared/dynamodb');
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function bucketKeys(): Promise<string[]> {
  const { filesBucket, s3 } = await import('../../functions/src/shared/files');
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: filesBucket, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

before(async () => {
  stack = testStack();
  const member = (email: string, n: number, extra: Partial<Parameters<typeof createTestPerson>[1]> = {}) =>
    createTestPerson(stack, { email, postalCode: '68000', member: { memberNumber: `ER${run.toUpperCase()}${n}`, sectionId: 'colmar' }, ...extra });
  [eulalie, basile, secretary] = await Promise.all([
    member(`eulalie-${run}@coopol.example`, 1, { ...eulalieName, grants: [{ role: 'web-referent', scopeType: 'section', scopeId: 'colmar' }], mfa: true }),
    member(`basile-${run}@coopol.example`, 2, { givenName: 'Basile', familyName: `Reste${tag}` }),
    member(`secretaire-${run}@coopol.example`, 3, { givenName: 'Sabine', familyName: `Secrétaire${tag}`, grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'colmar' }], mfa: true }),
  ]);
});

/** Everything Eulalie does, through the API; resolves once the stream jobs have made their copies. */
async function eulalieDoesEverything() {
  await ok(call(stack, eulalie, 'PATCH', '/api/me/profile', { interests: ['vélo', 'écologie'], findableBy: 'signed-in' }), 'profile');
  const form = await ok(call(stack, eulalie, 'POST', '/api/me/photo-upload', { contentType: 'image/png', size: tinyPng.length }), 'photo form');
  const upload = new FormData();
  for (const [name, value] of Object.entries(form.fields as Record<string, string>)) upload.append(name, value);
  upload.append('file', new Blob([tinyPng], { type: 'image/png' }), 'photo.png');
  assert.ok((await fetch(form.url as string, { method: 'POST', body: upload })).status < 300);
  await ok(call(stack, eulalie, 'PUT', '/api/me/photo', { key: form.key }), 'photo');

  const group = await ok(call(stack, eulalie, 'POST', '/api/groups', { name: `Cyclistes ${run}`, kind: 'open', audience: 'all' }), 'group');
  await ok(call(stack, basile, 'POST', `/api/groups/${group.id as string}/join`), 'basile joins');
  await ok(call(stack, eulalie, 'POST', `/api/friends/${basile.userId}`), 'friend request');
  await until('basile is asked', () => call(stack, basile, 'GET', '/api/me/notifications'), (r) => JSON.stringify(r.body).includes('Eulalie'));
  await ok(call(stack, basile, 'POST', `/api/friends/${eulalie.userId}/accept`), 'friends');

  const file = await uploadAttachment(stack, eulalie, { name: 'tract.png', contentType: 'image/png', bytes: tinyPng });
  const hers = await post(eulalie, `Rendez-vous samedi avec @Basile Reste${tag}`, { attachments: [file] });
  const his = await post(basile, 'Qui vient au marché ?');
  await ok(call(stack, eulalie, 'POST', `/api/posts/${his}/comments`, { text: 'Moi ! Eulalie.' }), 'her comment');
  await ok(call(stack, basile, 'POST', `/api/posts/${hers}/comments`, { text: 'Avec plaisir' }), 'his comment');
  await ok(call(stack, eulalie, 'PUT', `/api/posts/${his}/follow`), 'follow');
  await ok(call(stack, eulalie, 'POST', `/api/posts/${his}/reports`, { reason: 'Hors sujet' }), 'report');
  await ok(call(stack, eulalie, 'PATCH', '/api/me/notification-settings', { email: { comment: 'weekly' } }), 'settings');

  const event = await ok(call(stack, secretary, 'POST', '/api/events', {
    space: { type: 'section', id: 'colmar' }, kind: 'tractage', title: `Tractage ${run}`, start: '2031-05-17T09:00', end: '2031-05-17T13:00',
    place: { address: 'Place de la Cathédrale, Colmar' }, visibility: 'section', slots: [{ start: '2031-05-17T09:00', end: '2031-05-17T11:00', needed: 5 }],
  }), 'event');
  await ok(call(stack, eulalie, 'PUT', `/api/events/${event.id as string}/rsvp`, { answer: 'going' }), 'rsvp');
  const slots = event.slots as { id: string }[];
  await ok(call(stack, eulalie, 'PUT', `/api/events/${event.id as string}/slots/${slots[0]!.id}/signup`), 'slot');
  await ok(call(stack, eulalie, 'POST', '/api/me/calendar-feeds', { scope: { type: 'me' } }), 'calendar feed');

  // The jobs' copies: Basile is told of her comment and of her mention; her posts reach the feeds and the index.
  await until('basile hears of her', () => call(stack, basile, 'GET', '/api/me/notifications'), (r) => (r.body.items as unknown[]).length >= 3);
  await until('she is findable', () => call(stack, basile, 'GET', `/api/search?q=${encodeURIComponent(eulalieName.familyName)}`), (r) => JSON.stringify(r.body).includes(eulalie.userId));
  return { hers, his, group: group.id as string };
}

describe('erasure', () => {
  test('« Supprimer mon compte »: sign-in fails at once, then no item names her outside the pseudonymised records, and her files are gone', { timeout: 240_000 }, async () => {
    const made = await eulalieDoesEverything();
    const needles = [eulalie.userId, eulalie.email, `${eulalieName.givenName} ${eulalieName.familyName}`].map((n) => n.toLowerCase());
    const names = (item: unknown) => needles.some((n) => JSON.stringify(item).toLowerCase().includes(n));
    assert.ok((await scanAll()).filter(names).length > 20, 'she is all over the table before');
    assert.ok((await bucketKeys()).some((k) => k.includes(eulalie.userId)), 'and in the bucket');

    // Confirmed with the password, and her TOTP code (she is an official): a wrong one changes nothing.
    const wrong = await call(stack, eulalie, 'DELETE', '/api/me', { password: 'pas le bon mot de passe', content: 'delete' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.details?.map((d) => d.field), ['body.password']);
    const noCode = await call(stack, eulalie, 'DELETE', '/api/me', { password: TEST_PASSWORD, content: 'delete' });
    assert.deepEqual(noCode.body.details?.map((d) => d.field), ['body.totpCode']);
    const badContent = await call(stack, eulalie, 'DELETE', '/api/me', { password: TEST_PASSWORD, content: 'maybe' });
    assert.deepEqual(badContent.body.details?.map((d) => d.field), ['body.content']);
    assert.equal((await call(stack, eulalie, 'GET', '/api/me/profile')).status, 200, 'still there after refusals');

    const erased = await call(stack, eulalie, 'DELETE', '/api/me', { password: TEST_PASSWORD, totpCode: generateSync({ secret: eulalie.totpSecret! }), content: 'delete' });
    assert.equal(erased.status, 202, JSON.stringify(erased.body));

    // At once: her token is refused, and so is her password.
    assert.equal((await call(stack, eulalie, 'GET', '/api/me/profile')).status, 401);
    const signIn = await api(stack, '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: eulalie.email, password: TEST_PASSWORD }) });
    assert.equal(signIn.status, 401);
    // Her role ended, audited.
    const officials = await call(stack, basile, 'GET', '/api/sections/colmar/officials');
    assert.ok(!JSON.stringify(officials.body).includes(eulalie.userId));

    // The job sweeps the table and the bucket.
    const { SweepTaskEntity } = await import('../../functions/src/domain/privacy/entities');
    const erasureId = erased.body.erasureId as string;
    const tasks = await until('the erasure finishes', () => SweepTaskEntity.query.byId({ sweepId: erasureId }).go().then((r) => r.data), (d) => d.some((t) => t.state === 'done'), 180_000);
    const pseudonym = tasks[0]!.pseudonym;
    assert.match(pseudonym, /^compte supprimé n° \d+$/);

    const { inventory } = await import('../../functions/src/domain/privacy/inventory');
    // The records that may still name her, each with its reason in ADR 0024: the party's member-file row
    // (unlinked), and what is left to a short TTL (the « sessions valid after » instant refusing old tokens).
    const mayName = new Set(['memberRecord', ...inventory.filter((r) => r.erasure === 'expire').map((r) => r.entity)]);
    const items = await scanAll();
    const left = items.filter(names);
    assert.deepEqual(left.filter((i) => !mayName.has(i.__edb_e__ as string)).map((i) => `${i.__edb_e__ as string} ${i.pk as string} ${i.sk as string}`), []);
    const row = left.find((i) => i.__edb_e__ === 'memberRecord');
    assert.ok(row && row.userId === undefined, 'the member-file row stays, unlinked');
    assert.ok(left.every((i) => !JSON.stringify(i).includes(eulalie.userId) || i.__edb_e__ === 'sessionsValidAfter'), 'her id keys nothing else');

    // Pseudonymised: her role's audit says « compte supprimé n° … »; her posts and comments are gone,
    // his post and the comment he wrote under hers are not named after her.
    const pseudonymId = `compte-supprime-${pseudonym.replace(/\D/g, '')}`;
    const audits = items.filter((i) => i.__edb_e__ === 'roleAudit' && i.userId === pseudonymId);
    assert.deepEqual(audits.map((a) => [a.action, a.role, a.reason, a.by]), [
      ['grant', 'web-referent', undefined, 'system'],
      ['revoke', 'web-referent', 'effacement du compte', pseudonymId],
    ]);
    assert.equal((await call(stack, basile, 'GET', `/api/posts/${made.hers}`)).status, 404);
    assert.equal((await call(stack, basile, 'GET', `/api/posts/${made.his}`)).status, 200);
    const comments = await call(stack, basile, 'GET', `/api/posts/${made.his}/comments`);
    assert.ok(!JSON.stringify(comments.body).includes('Eulalie'));
    const search = await call(stack, basile, 'GET', `/api/search?q=${encodeURIComponent(eulalieName.familyName)}`);
    assert.ok(!JSON.stringify(search.body).includes(eulalie.userId));

    const keys = await bucketKeys();
    assert.deepEqual(keys.filter((k) => k.includes(eulalie.userId)), []);
  });
});
