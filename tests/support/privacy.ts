import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tinyPng, uploadAttachment } from './attachments';
import { call, createTestPerson, untilFindable, type TestPerson } from './people';
import { postFrom, type TestStack } from './stack';
import { until } from './until';

/**
 * A member who does, through the API, what the demo lets one do — for the privacy tests (export and
 * erasure), which then look for her everywhere: profile and photo, a group she runs with an event
 * announced to it and a field report, a friend, posts with a mention and a file, comments, a followed
 * conversation, a report, an invitation, an event of her section and one of its slots, a calendar feed,
 * a message to the section's people (a draft), a conversation with Basile, a preregistration of her address, a role and its audit. As setup, like createTestPerson's member
 * record and grants, the test writes her address to the suppression list (an unsubscribe link) and her block of a person.
 */
export interface Everything {
  run: string;
  eulalie: TestPerson;
  basile: TestPerson;
  secretary: TestPerson;
  name: { givenName: string; familyName: string };
  hers: string;
  his: string;
  group: string;
  /** The section event she answers « je viens » and signs up to a slot of. */
  event: string;
}

const ok = async (response: Promise<{ status: number; body: unknown }>, what: string) => {
  const r = await response;
  assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

/** Three members of Colmar (68): Eulalie (web referent, TOTP on), Basile her friend, Sabine the secretary. */
export async function memberWhoDidEverything(stack: TestStack, clientIp: string): Promise<Everything> {
  const run = randomUUID().slice(0, 6);
  // Names made of letters only (a mention is @Prénom Nom).
  const tag = run.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  const name = { givenName: 'Eulalie', familyName: `Effacée${tag}` };
  const member = (email: string, n: number, extra: Partial<Parameters<typeof createTestPerson>[1]> = {}) =>
    createTestPerson(stack, { email, postalCode: '68000', member: { memberNumber: `ER${run.toUpperCase()}${n}`, sectionId: 'colmar' }, ...extra });
  const [eulalie, basile, secretary] = await Promise.all([
    member(`eulalie-${run}@coopol.example`, 1, { ...name, grants: [{ role: 'web-referent', scopeType: 'section', scopeId: 'colmar' }], mfa: true }),
    member(`basile-${run}@coopol.example`, 2, { givenName: 'Basile', familyName: `Reste${tag}` }),
    member(`secretaire-${run}@coopol.example`, 3, { givenName: 'Sabine', familyName: `Secrétaire${tag}`, grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'colmar' }], mfa: true }),
  ]);
  const post = async (person: TestPerson, text: string, extra: Record<string, unknown> = {}) =>
    (await ok(call(stack, person, 'POST', '/api/posts', { space: { type: 'section', id: 'colmar' }, text, ...extra }), 'post')).id as string;

  await ok(call(stack, eulalie, 'PATCH', '/api/me/profile', { interests: ['vélo', 'écologie'], findableBy: 'signed-in' }), 'profile');
  const form = await ok(call(stack, eulalie, 'POST', '/api/me/photo-upload', { contentType: 'image/png', size: tinyPng.length }), 'photo form');
  const upload = new FormData();
  for (const [field, value] of Object.entries(form.fields as Record<string, string>)) upload.append(field, value);
  upload.append('file', new Blob([tinyPng], { type: 'image/png' }), 'photo.png');
  assert.ok((await fetch(form.url as string, { method: 'POST', body: upload })).status < 300);
  await ok(call(stack, eulalie, 'PUT', '/api/me/photo', { key: form.key }), 'photo');

  const group = (await ok(call(stack, eulalie, 'POST', '/api/groups', { name: `Cyclistes ${run}`, kind: 'open', audience: 'all' }), 'group')).id as string;
  await ok(call(stack, basile, 'POST', `/api/groups/${group}/join`), 'basile joins');
  await ok(call(stack, eulalie, 'POST', `/api/groups/${group}/invitations`, { email: `ami-${run}@coopol.example` }), 'invitation');
  await ok(call(stack, eulalie, 'POST', `/api/friends/${basile.userId}`), 'friend request');
  await until('basile is asked', () => call(stack, basile, 'GET', '/api/me/notifications'), (r) => JSON.stringify(r.body).includes('Eulalie'));
  await ok(call(stack, basile, 'POST', `/api/friends/${eulalie.userId}/accept`), 'friends');

  const file = await uploadAttachment(stack, eulalie, { name: 'tract.png', contentType: 'image/png', bytes: tinyPng });
  await untilFindable(stack, eulalie, basile, `Basile Reste${tag}`);
  const hers = await post(eulalie, `Rendez-vous samedi avec @Basile Reste${tag}`, { attachments: [file] });
  const his = await post(basile, 'Qui vient au marché ?');
  await ok(call(stack, eulalie, 'POST', `/api/posts/${his}/comments`, { text: 'Moi ! Eulalie.' }), 'her comment');
  await ok(call(stack, basile, 'POST', `/api/posts/${hers}/comments`, { text: 'Avec plaisir' }), 'his comment');
  await ok(call(stack, eulalie, 'PUT', `/api/posts/${his}/follow`), 'follow');
  await ok(call(stack, eulalie, 'POST', `/api/posts/${his}/reports`, { reason: 'Hors sujet' }), 'report');
  await ok(call(stack, eulalie, 'PATCH', '/api/me/notification-settings', { email: { comment: 'weekly' } }), 'settings');

  const when = { start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T13:00:00+02:00', place: { address: 'Place de la Cathédrale, Colmar' } };
  const event = await ok(call(stack, secretary, 'POST', '/api/events', {
    space: { type: 'section', id: 'colmar' }, kind: 'tractage', title: `Tractage ${run}`, ...when, visibility: 'section',
    slots: [{ start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T11:00:00+02:00', needed: 5 }],
  }), 'event');
  await ok(call(stack, eulalie, 'PUT', `/api/events/${event.id as string}/rsvp`, { answer: 'going' }), 'rsvp');
  await ok(call(stack, eulalie, 'PUT', `/api/events/${event.id as string}/slots/${(event.slots as { id: string }[])[0]!.id}/signup`), 'slot');
  await ok(call(stack, eulalie, 'POST', '/api/me/calendar-feeds', { scope: { type: 'me' } }), 'calendar feed');
  // As the section's web referent she reads its member list in full: the transparency log records it.
  await ok(call(stack, eulalie, 'GET', '/api/sections/colmar/members'), 'member list');
  // As its web referent she may speak for the section: a message to its people, kept as a draft.
  await ok(call(stack, eulalie, 'POST', '/api/spaces/section/colmar/mailings', { subject: `Rentrée ${run}`, text: 'Venez nombreux jeudi.', segment: { status: 'both' } }), 'mailing draft');
  // Her group's meeting, announced to its members (her too), and last month's, reported.
  const groupSpace = { type: 'group', id: group };
  await ok(call(stack, eulalie, 'POST', '/api/events', { space: groupSpace, kind: 'reunion', title: `Réunion ${run}`, ...when, visibility: 'members', announce: true }), 'group event');
  const past = await ok(call(stack, eulalie, 'POST', '/api/events', { space: groupSpace, kind: 'tractage', title: `Passé ${run}`, start: '2026-01-10T09:00:00+01:00', end: '2026-01-10T12:00:00+01:00', place: when.place, visibility: 'members' }), 'past event');
  await ok(call(stack, eulalie, 'PUT', `/api/events/${past.id as string}/report`, { leaflets: 200, doors: 0, peopleReached: 50, contacts: 3, remarks: 'Beau temps.' }), 'field report');
  // In her group she writes a text, opens it and amends it (a text, its version, an amendment).
  const text = await ok(call(stack, eulalie, 'POST', '/api/texts', { space: groupSpace, title: `Charte ${run}`, blocks: [{ kind: 'paragraph', text: 'Nous roulons ensemble.' }] }), 'text');
  await ok(call(stack, eulalie, 'POST', `/api/texts/${text.id as string}/open`, { deadline: '2031-01-01T00:00:00Z' }), 'text opened');
  const block = (text.blocks as { id: string }[])[0]!.id;
  await ok(call(stack, eulalie, 'POST', `/api/texts/${text.id as string}/amendments`, { version: 1, changes: [{ op: 'replace', blockId: block, text: 'Nous roulons ensemble, prudemment.' }], justification: 'La sécurité.' }), 'amendment');
  // She shares a document in her group (a space's document, its file one of hers).
  const shared = await uploadAttachment(stack, eulalie, { name: 'charte.png', contentType: 'image/png', bytes: tinyPng });
  await ok(call(stack, eulalie, 'POST', `/api/spaces/group/${group}/documents`, { attachments: [shared], folder: 'Chartes', description: 'La charte du groupe.' }), 'document');
  // She writes to Basile, her coopain (a conversation and its message; his inbox entry names her).
  const conversation = await ok(call(stack, eulalie, 'POST', '/api/conversations', { participantIds: [basile.userId] }), 'conversation');
  await ok(call(stack, eulalie, 'POST', `/api/conversations/${conversation.id as string}/messages`, { text: `Tu viens samedi ? ${run}`, clientMessageId: `privacy-${run}` }), 'message');
  // Her address preregistered for a territory not open yet (Caen), from a client of its own.
  const preregistered = await postFrom(stack, clientIp, '/api/preregistrations', { email: eulalie.email, postalCode: '14000', kind: 'member', consent: true });
  assert.equal(preregistered.status, 202, JSON.stringify(preregistered.body));

  // The jobs' copies: Basile is told of her comment and her mention; her posts reach the index; the announcement is mailed.
  await until('basile hears of her', () => call(stack, basile, 'GET', '/api/me/notifications'), (r) => (r.body.items as unknown[]).length >= 3);
  await until('she is findable', () => call(stack, basile, 'GET', `/api/search?q=${encodeURIComponent(name.familyName)}`), (r) => JSON.stringify(r.body).includes(eulalie.userId));
  const announced = async () => (await scanTable()).some((i) => i.__edb_e__ === 'mailReceipt' && i.recipient === eulalie.userId);
  await until('the announcement is mailed to her', announced, (yes) => yes, 60_000);
  // Then she unsubscribes from bulk mail (the link of a launch mail), and a moderator blocks her in the section.
  const { suppress } = await import('../../functions/src/domain/mail/suppression');
  await suppress(eulalie.email, 'unsubscribe');
  // As setup too, she blocks the secretary from writing to her: blocking a person has no route yet (issue 15 goes on).
  const { PersonBlockEntity } = await import('../../functions/src/domain/messaging/entities');
  await PersonBlockEntity.put({ userId: eulalie.userId, blockedId: secretary.userId, at: new Date().toISOString() }).go();
  await ok(call(stack, secretary, 'PUT', `/api/spaces/section/colmar/blocks/${eulalie.userId}`), 'block');
  return { run, eulalie, basile, secretary, name, hers, his, group, event: event.id as string };
}

/** Every item of the table (a test's look at everything; the app never scans but in its sweeps). */
export async function scanTable(): Promise<Record<string, unknown>[]> {
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

/** Every key of the files bucket. */
export async function bucketKeys(): Promise<string[]> {
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
