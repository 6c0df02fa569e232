import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { RealtimeEvent } from '../../functions/src/contracts/messaging';
import { tinyPng, uploadAttachment } from '../support/attachments';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Live messaging's REST routes (issue 15, ADR 0029) against the real handlers behind the local gateway.

const run = randomUUID().slice(0, 8);
let stack: TestStack;
let lea: TestPerson; // Mulhouse (68)
let malik: TestPerson; // Colmar (68): shares the federation with Léa
let nina: TestPerson; // Haut-Rhin too, blocks Léa
let paul: TestPerson; // Paris: shares nothing with Léa
/** Polls until `check` gives something (the stream job works a moment after the request). */
async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) assert.fail('not seen in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const person = (name: string, postalCode: string) => createTestPerson(stack, { email: `${name}-${run}@coopol.example`, givenName: name, familyName: 'Test', postalCode });

before(async () => {
  stack = testStack();
  [lea, malik, nina, paul] = await Promise.all([person('lea', '68100'), person('malik', '68000'), person('nina', '68200'), person('paul', '75011')]);
  // Nina blocks Léa, through the route.
  const blocked = await call(stack, nina, 'PUT', `/api/me/blocks/${lea.userId}`);
  assert.equal(blocked.status, 200, JSON.stringify(blocked.body));
});

describe('conversations', () => {
  test('the same set of people, in any order, finds the same conversation', async () => {
    const first = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const again = await call(stack, malik, 'POST', '/api/conversations', { participantIds: [lea.userId] });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.id, first.body.id);
    const names = (first.body.participants as { displayName: string }[]).map((p) => p.displayName).sort();
    assert.deepEqual(names, ['lea Test', 'malik Test']);
  });

  test('a block, either way, is refused with a clear 403 naming the person', async () => {
    for (const [from, to] of [[lea, nina], [nina, lea]] as const) {
      const refused = await call(stack, from, 'POST', '/api/conversations', { participantIds: [malik.userId, to.userId] });
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'messaging.blocked');
      assert.equal((refused.body.details as { field: string }[])[0]!.field, 'body.participantIds.1');
    }
  });

  test('« Personnes bloquées »: listed with their names; a block is lifted by its author only; one cannot block oneself, nor someone one may not find', async () => {
    const mine = await call(stack, nina, 'GET', '/api/me/blocks');
    assert.equal(mine.status, 200);
    assert.deepEqual((mine.body.items as { userId: string; displayName: string }[]).map((b) => [b.userId, b.displayName]), [[lea.userId, 'lea Test']]);
    assert.deepEqual((await call(stack, lea, 'GET', '/api/me/blocks')).body.items, [], 'the blocked person is not told');
    // Léa « unblocking » Nina changes nothing: the block is Nina's.
    assert.equal((await call(stack, lea, 'DELETE', `/api/me/blocks/${nina.userId}`)).status, 200);
    assert.equal((await call(stack, lea, 'POST', '/api/conversations', { participantIds: [nina.userId] })).body.code, 'messaging.blocked');
    // Nina lifts it, they write, and she blocks again: Léa still reads what was said, but writes no more.
    assert.equal((await call(stack, nina, 'DELETE', `/api/me/blocks/${lea.userId}`)).status, 200);
    const opened = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [nina.userId] });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const thread = `/api/conversations/${opened.body.id as string}/messages`;
    assert.equal((await call(stack, lea, 'POST', thread, { text: 'Salut Nina', clientMessageId: `bloc-${run}-1` })).status, 201);
    assert.equal((await call(stack, nina, 'PUT', `/api/me/blocks/${lea.userId}`)).status, 200);
    const silenced = await call(stack, lea, 'POST', thread, { text: 'Tu es là ?', clientMessageId: `bloc-${run}-2` });
    assert.equal(silenced.status, 403, JSON.stringify(silenced.body));
    assert.equal(silenced.body.code, 'messaging.blocked');
    assert.equal((await call(stack, nina, 'POST', thread, { text: 'Non.', clientMessageId: `bloc-${run}-3` })).body.code, 'messaging.blocked', 'either way');
    const history = await call(stack, lea, 'GET', thread);
    assert.deepEqual((history.body.items as { text: string }[]).map((m) => m.text), ['Salut Nina']);

    const self = await call(stack, nina, 'PUT', `/api/me/blocks/${nina.userId}`);
    assert.equal(self.status, 400);
    assert.equal((self.body.details as { field: string }[])[0]!.field, 'params.userId');
    // Paul (Paris) is someone Léa may not find: blocking him is answered as blocking nobody at all.
    const hidden = await call(stack, lea, 'PUT', `/api/me/blocks/${paul.userId}`);
    const unknown = await call(stack, lea, 'PUT', '/api/me/blocks/00000000-0000-4000-8000-000000000000');
    assert.equal(hidden.status, 404);
    const { requestId: _a, ...hiddenBody } = hidden.body as Record<string, unknown>;
    const { requestId: _b, ...unknownBody } = unknown.body as Record<string, unknown>;
    assert.deepEqual(hiddenBody, unknownBody);
    assert.deepEqual((await call(stack, lea, 'GET', '/api/me/blocks')).body.items, []);
  });

  test('« Qui peut m’écrire », a profile setting: nobody, coopains only, or who shares a space', async () => {
    assert.equal((await call(stack, malik, 'GET', '/api/me/profile')).body.writableBy, 'shared-space', 'the default');
    const set = await call(stack, malik, 'PATCH', '/api/me/profile', { writableBy: 'nobody' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.writableBy, 'nobody');
    const closed = await call(stack, nina, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    assert.equal(closed.status, 403);
    assert.equal(closed.body.code, 'messaging.recipient-closed');
    // Coopains only: Nina shares the federation with him, but is not his coopain.
    assert.equal((await call(stack, malik, 'PATCH', '/api/me/profile', { writableBy: 'friends' })).status, 200);
    const notFriend = await call(stack, nina, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    assert.equal(notFriend.status, 403);
    assert.equal(notFriend.body.code, 'messaging.not-reachable');
    const bad = await call(stack, malik, 'PATCH', '/api/me/profile', { writableBy: 'tout-le-monde' });
    assert.equal(bad.status, 400);
    assert.equal((bad.body.details as { field: string }[])[0]!.field, 'body.writableBy');
    assert.equal((await call(stack, malik, 'PATCH', '/api/me/profile', { writableBy: 'shared-space' })).status, 200);
    assert.equal((await call(stack, nina, 'POST', '/api/conversations', { participantIds: [malik.userId] })).status, 200);
  });

  test('someone the writer may not find is answered exactly as an unknown id (art. 9), and nothing is created', async () => {
    const refused = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [paul.userId] });
    assert.equal(refused.status, 404, JSON.stringify(refused.body));
    const unknown = await call(stack, lea, 'POST', '/api/conversations', { participantIds: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(unknown.status, 404, JSON.stringify(unknown.body));
    const { requestId: _a, ...refusedBody } = refused.body as Record<string, unknown>;
    const { requestId: _b, ...unknownBody } = unknown.body as Record<string, unknown>;
    assert.deepEqual(refusedBody, unknownBody);
    const inbox = await call(stack, paul, 'GET', '/api/conversations');
    assert.deepEqual(inbox.body.items, []);
  });

  test('bad input is a 400 naming the field', async () => {
    const self = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId, lea.userId] });
    assert.equal(self.status, 400);
    assert.equal((self.body.details as { field: string }[])[0]!.field, 'body.participantIds.1');
    const started = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const empty = await call(stack, lea, 'POST', `/api/conversations/${started.body.id}/messages`, { text: '   ', clientMessageId: 'client-0001' });
    assert.equal(empty.status, 400);
    assert.match(JSON.stringify(empty.body.details), /body\.text/);
    const noId = await call(stack, lea, 'POST', `/api/conversations/${started.body.id}/messages`, { text: 'Salut' });
    assert.equal(noId.status, 400);
    assert.match(JSON.stringify(noId.body.details), /body\.clientMessageId/);
  });
});

describe('messages', () => {
  test('a message retried with the same client id is stored once; the inbox shows it, unread for the other', async () => {
    const { body: conversation } = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const path = `/api/conversations/${conversation.id}/messages`;
    const sent = await call(stack, lea, 'POST', path, { text: 'On se retrouve au marché ?', clientMessageId: 'client-retry-1' });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const retried = await call(stack, lea, 'POST', path, { text: 'On se retrouve au marché ?', clientMessageId: 'client-retry-1' });
    assert.equal(retried.body.id, sent.body.id);
    const history = await call(stack, malik, 'GET', path);
    assert.equal(history.status, 200);
    assert.equal((history.body.items as { id: string }[]).filter((m) => m.id === sent.body.id).length, 1);
    // The inboxes follow through the table's stream (jobs/messaging-fanout.ts): counted once despite the retry.
    const entry = await until(async () => {
      const inbox = await call(stack, malik, 'GET', '/api/conversations');
      const found = (inbox.body.items as { conversationId: string; unread: number; lastMessage: { preview: string } | null }[]).find((e) => e.conversationId === conversation.id);
      return found?.lastMessage ? found : undefined;
    });
    assert.equal(entry.unread, 1);
    assert.equal(entry.lastMessage!.preview, 'On se retrouve au marché ?');
    const badge = await call(stack, malik, 'GET', '/api/conversations/unread');
    assert.equal(badge.body.total, 1, 'the badge counts the message once');
    const read = await call(stack, malik, 'POST', `/api/conversations/${conversation.id}/read`, { lastReadMessageId: sent.body.id });
    assert.equal(read.status, 200);
    const after = await call(stack, malik, 'GET', '/api/conversations');
    assert.equal((after.body.items as { conversationId: string; unread: number }[]).find((e) => e.conversationId === conversation.id)!.unread, 0);
    assert.equal((await call(stack, malik, 'GET', '/api/conversations/unread')).body.total, 0);
  });

  test('a non-participant is told the conversation does not exist, on every route', async () => {
    const { body: conversation } = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const base = `/api/conversations/${conversation.id}`;
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['GET', `${base}/messages`, undefined],
      ['POST', `${base}/messages`, { text: 'Intrus', clientMessageId: 'intrus-0001' }],
    ] as const) {
      const response = await call(stack, paul, method, path, body);
      assert.equal(response.status, 404, `${method} ${path}`);
    }
    const unknown = await call(stack, paul, 'GET', '/api/conversations/d.AAAAAAAAAAAAAAAAAAAAAA/messages');
    assert.equal(unknown.status, 404);
  });
});

describe('files in messages (the attachment flow of posts, ADR 0014)', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  type Shown = { id: string; text: string; deleted: boolean; attachments: { id: string; name: string; kind: string; size: number }[] };
  const fieldsOf = (body: { details?: unknown }) => ((body.details ?? []) as { field: string }[]).map((d) => d.field);
  // Their own people (Léa and Malik's conversation is counted by the live channel's tests), and one
  // conversation per test: Inès with Yanis, with Romane, with both.
  let ines: TestPerson; // Mulhouse
  let yanis: TestPerson; // Colmar
  let romane: TestPerson; // Colmar
  before(async () => {
    [ines, yanis, romane] = await Promise.all([person('ines-f', '68100'), person('yanis', '68000'), person('romane', '68000')]);
  });

  test('a file alone is a message: its participants download it, the inbox names it, anyone else is told it does not exist', async () => {
    const { body: conversation } = await call(stack, ines, 'POST', '/api/conversations', { participantIds: [yanis.userId] });
    const path = `/api/conversations/${conversation.id as string}/messages`;
    const agenda = await uploadAttachment(stack, ines, { name: `Ordre du jour ${run}.pdf`, contentType: 'application/pdf', bytes: pdf });
    const photo = await uploadAttachment(stack, ines, { name: 'marché.png', contentType: 'image/png', bytes: tinyPng, alt: 'Le stand au marché' });
    const sent = await call(stack, ines, 'POST', path, { clientMessageId: `file-${run}-1`, attachments: [agenda, photo] });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.deepEqual(
      (sent.body as unknown as Shown).attachments.map(({ id, name, kind }) => [id, name, kind]),
      [[agenda, `Ordre du jour ${run}.pdf`, 'document'], [photo, 'marché.png', 'image']],
    );
    // Sent again after a dropped connection: the same message, the files claimed once.
    const retried = await call(stack, ines, 'POST', path, { clientMessageId: `file-${run}-1`, attachments: [agenda, photo] });
    assert.equal(retried.body.id, sent.body.id, JSON.stringify(retried.body));

    const history = await call(stack, yanis, 'GET', path);
    const shown = (history.body.items as Shown[]).find((m) => m.id === sent.body.id)!;
    assert.deepEqual([shown.text, shown.attachments.length], ['', 2]);
    const link = await call(stack, yanis, 'GET', `/api/attachments/${agenda}/link`);
    assert.equal(link.status, 200, JSON.stringify(link.body));
    const file = await fetch(link.body.url as string);
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf);
    for (const outsider of [paul, romane]) assert.equal((await call(stack, outsider, 'GET', `/api/attachments/${agenda}/link`)).status, 404);

    const entry = await until(async () => {
      const inbox = await call(stack, yanis, 'GET', '/api/conversations?limit=50');
      const found = (inbox.body.items as { conversationId: string; lastMessage: { id: string; preview: string } | null }[]).find((e) => e.conversationId === conversation.id);
      return found?.lastMessage?.id === sent.body.id ? found : undefined;
    });
    assert.equal(entry.lastMessage!.preview, `📎 Ordre du jour ${run}.pdf et 1 autre fichier`);
  });

  test('refused with the failing field: nothing to send, too many files, someone else’s, one already sent; nothing is stored', async () => {
    const { body: conversation } = await call(stack, ines, 'POST', '/api/conversations', { participantIds: [romane.userId] });
    const path = `/api/conversations/${conversation.id as string}/messages`;
    const empty = await call(stack, ines, 'POST', path, { text: '  ', clientMessageId: `nofile-${run}-1` });
    assert.equal(empty.status, 400);
    assert.deepEqual(fieldsOf(empty.body), ['body.text']);
    const five = await Promise.all([1, 2, 3, 4, 5].map((n) => uploadAttachment(stack, ines, { name: `tract-${n}.png`, contentType: 'image/png', bytes: tinyPng })));
    const tooMany = await call(stack, ines, 'POST', path, { text: 'Les tracts', clientMessageId: `nofile-${run}-2`, attachments: five });
    assert.equal(tooMany.status, 400);
    assert.deepEqual(fieldsOf(tooMany.body), ['body.attachments']);
    const yanisFile = await uploadAttachment(stack, yanis, { name: 'à yanis.png', contentType: 'image/png', bytes: tinyPng });
    const stolen = await call(stack, ines, 'POST', path, { text: 'Le sien', clientMessageId: `nofile-${run}-3`, attachments: [five[0], yanisFile] });
    assert.equal(stolen.status, 400);
    assert.deepEqual(fieldsOf(stolen.body), ['body.attachments.1']);
    assert.equal((await call(stack, ines, 'POST', path, { text: 'Un tract', clientMessageId: `nofile-${run}-4`, attachments: [five[0]] })).status, 201);
    const twice = await call(stack, ines, 'POST', path, { text: 'Encore', clientMessageId: `nofile-${run}-5`, attachments: [five[0]] });
    assert.equal(twice.status, 400);
    assert.deepEqual(fieldsOf(twice.body), ['body.attachments.0']);
    // A file sent in a post cannot go into a message either.
    const posted = await call(stack, ines, 'POST', '/api/posts', { space: { type: 'profile', id: ines.userId }, text: `Tract ${run}`, attachments: [five[1]] });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const fromPost = await call(stack, ines, 'POST', path, { text: 'Du billet', clientMessageId: `nofile-${run}-6`, attachments: [five[1]] });
    assert.deepEqual(fieldsOf(fromPost.body), ['body.attachments.0']);
    const history = await call(stack, romane, 'GET', path);
    assert.deepEqual((history.body.items as Shown[]).map((m) => m.text), ['Un tract'], 'the refused ones were not stored');
    // Yanis's file, still his and unused, stays his.
    assert.equal((await call(stack, ines, 'GET', `/api/attachments/${yanisFile}/link`)).status, 404);
    assert.equal((await call(stack, yanis, 'GET', `/api/attachments/${yanisFile}/link`)).status, 200);
  });

  test('a reported file goes to the moderators with its message: they download it through the report, nobody else does; withdrawn, it is gone', async () => {
    const admin = await createTestPerson(stack, { email: `admin-f-${run}@coopol.example`, givenName: 'Admin', familyName: 'Fichiers', postalCode: '75011', grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }], mfa: true });
    const { body: conversation } = await call(stack, yanis, 'POST', '/api/conversations', { participantIds: [ines.userId] });
    const path = `/api/conversations/${conversation.id as string}/messages`;
    const image = await uploadAttachment(stack, yanis, { name: 'image-choquante.png', contentType: 'image/png', bytes: tinyPng });
    const sent = await call(stack, yanis, 'POST', path, { clientMessageId: `repfile-${run}-1`, attachments: [image] });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const other = await call(stack, yanis, 'POST', path, { text: 'Autre chose', clientMessageId: `repfile-${run}-2` });
    const made = await call(stack, ines, 'POST', `${path}/${sent.body.id as string}/report`, { reason: 'Image violente' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const reportId = made.body.id as string;
    const otherReport = (await call(stack, ines, 'POST', `${path}/${other.body.id as string}/report`, { reason: 'Hors sujet' })).body.id as string;

    const queue = await call(stack, admin, 'GET', '/api/reports/escalated?limit=50');
    const listed = (queue.body.items as { id: string; message?: { attachments: { id: string; name: string }[] } }[]).find((r) => r.id === reportId);
    assert.deepEqual(listed?.message?.attachments.map((a) => [a.id, a.name]), [[image, 'image-choquante.png']], 'the report shows the file');
    const link = (who: TestPerson, report?: string) => call(stack, who, 'GET', `/api/attachments/${image}/link${report ? `?report=${report}` : ''}`);
    const granted = await link(admin, reportId);
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.deepEqual(Buffer.from(await (await fetch(granted.body.url as string)).arrayBuffer()), tinyPng);
    assert.equal((await link(admin)).status, 404, 'not without the report: the moderators do not read the conversation');
    assert.equal((await link(admin, otherReport)).status, 404, 'not through the report of another message');
    assert.equal((await link(paul, reportId)).status, 404, 'nor anyone else through the report');
    assert.equal((await link(ines, 'aaaaaaaaaaaaaaaaaaaa')).status, 404);

    assert.equal((await call(stack, admin, 'POST', `/api/reports/${reportId}/hide-message`)).status, 200);
    for (const [who, report] of [[admin, reportId], [ines, undefined], [yanis, undefined]] as const) assert.equal((await link(who, report)).status, 404);
    await until(async () => ((await fetch(granted.body.url as string)).status === 404 ? true : undefined));
  });

  test('a deleted message takes its files with it: no more links, and the objects leave the bucket', async () => {
    const { body: conversation } = await call(stack, ines, 'POST', '/api/conversations', { participantIds: [yanis.userId, romane.userId] });
    const path = `/api/conversations/${conversation.id as string}/messages`;
    const minutes = await uploadAttachment(stack, ines, { name: 'compte-rendu.pdf', contentType: 'application/pdf', bytes: pdf });
    const sent = await call(stack, ines, 'POST', path, { text: 'Le compte rendu', clientMessageId: `delfile-${run}-1`, attachments: [minutes] });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const link = await call(stack, yanis, 'GET', `/api/attachments/${minutes}/link`);
    assert.equal(link.status, 200);
    const deleted = await call(stack, ines, 'DELETE', `${path}/${sent.body.id as string}`);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.deepEqual([deleted.body.deleted, deleted.body.attachments], [true, []]);
    const history = await call(stack, yanis, 'GET', path);
    assert.deepEqual((history.body.items as Shown[]).find((m) => m.id === sent.body.id)!.attachments, []);
    for (const who of [ines, yanis]) assert.equal((await call(stack, who, 'GET', `/api/attachments/${minutes}/link`)).status, 404);
    // The link given before the deletion reaches nothing once the cleanup job has run.
    await until(async () => ((await fetch(link.body.url as string)).status === 404 ? true : undefined));
  });
});

/** An open tab: a WebSocket on the live channel, opened with a fresh ticket, keeping every frame it gets. */
interface Tab {
  socket: WebSocket;
  frames: RealtimeEvent[];
  /** Waits for a frame matching `match` (already received or to come). */
  next: <T extends RealtimeEvent>(match: (frame: RealtimeEvent) => frame is T, timeoutMs?: number) => Promise<T>;
}

async function ticketFor(person: TestPerson): Promise<{ ticket: string; url: string }> {
  const answer = await call(stack, person, 'POST', '/api/realtime/ticket');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as { ticket: string; url: string };
}

/** Opens the socket, or rejects with the HTTP status the upgrade was refused with. */
function connect(url: string, ticket: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}?ticket=${encodeURIComponent(ticket)}`);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

async function openTab(person: TestPerson): Promise<Tab> {
  const { ticket, url } = await ticketFor(person);
  const socket = await connect(url, ticket);
  const frames: RealtimeEvent[] = [];
  const waiting = new Set<() => void>();
  socket.on('message', (data) => {
    frames.push(RealtimeEvent.parse(JSON.parse(data.toString())));
    for (const wake of waiting) wake();
  });
  const next: Tab['next'] = (match, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const look = () => {
        const found = frames.find(match);
        if (!found) return false;
        waiting.delete(look);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiting.delete(look);
        reject(new Error(`no such frame in ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
      }, timeoutMs);
      if (!look()) waiting.add(look);
    });
  return { socket, frames, next };
}

const messageIn = (conversationId: string, text: string) => (frame: RealtimeEvent): frame is Extract<RealtimeEvent, { type: 'message' }> =>
  frame.type === 'message' && frame.message.conversationId === conversationId && frame.message.text === text;
const unreadIs = (total: number) => (frame: RealtimeEvent): frame is Extract<RealtimeEvent, { type: 'unread' }> => frame.type === 'unread' && frame.total === total;

describe('the live channel (ADR 0029)', () => {
  const tabs: Tab[] = [];
  const open = async (person: TestPerson) => {
    const tab = await openTab(person);
    tabs.push(tab);
    return tab;
  };
  after(() => {
    for (const tab of tabs) tab.socket.terminate();
  });

  test('a ticket opens one connection, once; an unknown or used ticket is refused', async () => {
    const { ticket, url } = await ticketFor(lea);
    assert.match(url, /^wss?:\/\/.+/);
    const socket = await connect(url, ticket);
    tabs.push({ socket, frames: [], next: () => Promise.reject(new Error('unused')) });
    await assert.rejects(connect(url, ticket), /refused 403/, 'a used ticket');
    await assert.rejects(connect(url, 'not-a-ticket-at-all'), /refused 403/, 'an unknown ticket');
    // A ping is answered (it keeps API Gateway's idle limit away).
    const pong = new Promise<string>((resolve) => socket.once('message', (data) => resolve(data.toString())));
    socket.send(JSON.stringify({ action: 'ping' }));
    assert.deepEqual(JSON.parse(await pong), { type: 'pong' });
  });

  test('a message reaches every open tab of the others, with their new badge; a reader’s total goes back to 0 in every tab; an outsider gets nothing', async () => {
    const { body: conversation } = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const [leaTab, malikPhone, malikLaptop, paulTab] = await Promise.all([open(lea), open(malik), open(malik), open(paul)]);
    const text = `En direct ${run}`;
    const sent = await call(stack, lea, 'POST', `/api/conversations/${conversation.id}/messages`, { text, clientMessageId: `live-${run}` });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    for (const tab of [malikPhone, malikLaptop]) {
      const frame = await tab.next(messageIn(conversation.id as string, text));
      assert.equal(frame.message.id, sent.body.id);
      assert.equal(frame.message.authorName, 'lea Test');
      assert.equal(frame.message.clientMessageId, null, 'the client id is its author’s only');
      await tab.next(unreadIs(1));
    }
    // The author's own tab gets it too (another of her devices shows it), with her client id.
    assert.equal((await leaTab.next(messageIn(conversation.id as string, text))).message.clientMessageId, `live-${run}`);

    const read = await call(stack, malik, 'POST', `/api/conversations/${conversation.id}/read`, { lastReadMessageId: sent.body.id });
    assert.equal(read.status, 200);
    for (const tab of [malikPhone, malikLaptop]) await tab.next(unreadIs(0));
    const seen = await leaTab.next((f): f is Extract<RealtimeEvent, { type: 'read' }> => f.type === 'read' && f.userId === malik.userId);
    assert.equal(seen.lastReadMessageId, sent.body.id);
    assert.deepEqual(paulTab.frames, [], 'nothing is pushed to someone outside the conversation');
  });

  test('an edit and a deletion reach the tabs and the inbox preview; only the author changes her message', async () => {
    const { body: conversation } = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const base = `/api/conversations/${conversation.id}/messages`;
    const malikTab = await open(malik);
    const sent = await call(stack, lea, 'POST', base, { text: `Rendez-vous à 9 h ${run}`, clientMessageId: `edit-${run}` });
    await malikTab.next(messageIn(conversation.id as string, `Rendez-vous à 9 h ${run}`));
    const refused = await call(stack, malik, 'PATCH', `${base}/${sent.body.id}`, { text: 'Pas moi' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'message.not-author');

    const edited = await call(stack, lea, 'PATCH', `${base}/${sent.body.id}`, { text: `Rendez-vous à 10 h ${run}` });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.ok(edited.body.editedAt);
    const changed = await malikTab.next((f): f is Extract<RealtimeEvent, { type: 'message-changed' }> => f.type === 'message-changed' && f.message.text === `Rendez-vous à 10 h ${run}`);
    assert.equal(changed.message.id, sent.body.id);
    await until(async () => {
      const entry = ((await call(stack, malik, 'GET', '/api/conversations')).body.items as { conversationId: string; lastMessage: { preview: string; edited: boolean } | null }[]).find((e) => e.conversationId === conversation.id);
      return entry?.lastMessage?.edited && entry.lastMessage.preview === `Rendez-vous à 10 h ${run}` ? true : undefined;
    });

    const deleted = await call(stack, lea, 'DELETE', `${base}/${sent.body.id}`);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    await malikTab.next((f): f is Extract<RealtimeEvent, { type: 'message-changed' }> => f.type === 'message-changed' && f.message.id === sent.body.id && f.message.deleted);
    const history = await call(stack, malik, 'GET', base);
    const tombstone = (history.body.items as { id: string; text: string; deleted: boolean }[]).find((m) => m.id === sent.body.id)!;
    assert.deepEqual([tombstone.deleted, tombstone.text], [true, ''], 'its text is gone, the place stays');
    await until(async () => {
      const entry = ((await call(stack, malik, 'GET', '/api/conversations')).body.items as { conversationId: string; lastMessage: { preview: string; deleted: boolean } | null }[]).find((e) => e.conversationId === conversation.id);
      return entry?.lastMessage?.deleted && entry.lastMessage.preview === 'Message supprimé' ? true : undefined;
    });
    const again = await call(stack, lea, 'PATCH', `${base}/${sent.body.id}`, { text: 'Revenu' });
    assert.equal(again.status, 409);
    const unknown = await call(stack, lea, 'PATCH', `${base}/zzzzzzzzz.abcdef`, { text: 'Rien' });
    assert.equal(unknown.status, 404);
  });

  test('muted, a conversation leaves the badge and keeps its own count; left, it leaves the inbox and nothing more arrives', async () => {
    // Zoé, of Mulhouse too, writes to Malik: a conversation of their own.
    const zoe = await person('zoe', '68100');
    const started = await call(stack, zoe, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const conversation = started.body;
    const base = `/api/conversations/${conversation.id}`;
    const badge = async () => (await call(stack, malik, 'GET', '/api/conversations/unread')).body.total as number;
    const entryOf = async () => ((await call(stack, malik, 'GET', '/api/conversations')).body.items as { conversationId: string; unread: number; muted: boolean }[]).find((e) => e.conversationId === conversation.id);
    const start = await badge();
    await call(stack, zoe, 'POST', `${base}/messages`, { text: `Premier ${run}`, clientMessageId: `mute-1-${run}` });
    await until(async () => ((await badge()) === start + 1 ? true : undefined));
    const muted = await call(stack, malik, 'POST', `${base}/mute`, { muted: true });
    assert.equal(muted.status, 200, JSON.stringify(muted.body));
    assert.equal(muted.body.muted, true);
    assert.equal(await badge(), start, 'a muted conversation leaves the badge');
    await call(stack, zoe, 'POST', `${base}/messages`, { text: `Deuxième ${run}`, clientMessageId: `mute-2-${run}` });
    const entry = await until(async () => {
      const found = await entryOf();
      return found?.unread === 2 ? found : undefined;
    });
    assert.equal(entry.muted, true);
    assert.equal(await badge(), start, 'nor does what arrives while muted');
    await call(stack, malik, 'POST', `${base}/mute`, { muted: false });
    assert.equal(await badge(), start + 2, 'heard again, its unread come back');

    const malikTab = await open(malik);
    const left = await call(stack, malik, 'POST', `${base}/leave`);
    assert.equal(left.status, 200, JSON.stringify(left.body));
    assert.equal(await entryOf(), undefined, 'it left the inbox');
    assert.equal(await badge(), start, 'and the badge');
    assert.equal((await call(stack, malik, 'GET', `${base}/messages`)).status, 404);
    await call(stack, zoe, 'POST', `${base}/messages`, { text: `Après le départ ${run}`, clientMessageId: `mute-3-${run}` });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(malikTab.frames.filter((f) => f.type === 'message').length, 0, 'nothing reaches who left');
  });

  test('a connection API Gateway says is gone (410) is removed — that one only', async () => {
    const { RealtimeConnectionEntity } = await import('../../functions/src/domain/messaging/entities');
    const { body: conversation } = await call(stack, nina, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const live = await open(malik);
    // A tab whose `$disconnect` never came (a phone that lost its network): its item stays, its socket is gone.
    const stale = 'c3RhbGUtY29ubmVjdGlvbg==';
    await RealtimeConnectionEntity.put({ userId: malik.userId, connectionId: stale, connectedAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + 3600 }).go();
    const before = (await RealtimeConnectionEntity.query.byPerson({ userId: malik.userId }).go()).data.map((c) => c.connectionId);
    assert.ok(before.includes(stale));
    const text = `Après la coupure ${run}`;
    await call(stack, nina, 'POST', `/api/conversations/${conversation.id}/messages`, { text, clientMessageId: `gone-${run}` });
    await live.next(messageIn(conversation.id as string, text));
    const after = await until(async () => {
      const ids = (await RealtimeConnectionEntity.query.byPerson({ userId: malik.userId }).go()).data.map((c) => c.connectionId);
      return ids.includes(stale) ? undefined : ids;
    });
    assert.deepEqual(after.sort(), before.filter((id) => id !== stale).sort(), 'only the gone connection was removed');
  });

  test('the bell’s count is live too: a notification any job writes reaches every open tab; « tout marquer comme lu » elsewhere brings them to 0', async () => {
    const bellIs = (unread: number) => (frame: RealtimeEvent): frame is Extract<RealtimeEvent, { type: 'notifications' }> => frame.type === 'notifications' && frame.unread === unread;
    const [quentin, rose] = await Promise.all([person(`quentin${run.slice(0, 4)}`, '68100'), person(`rose${run.slice(0, 4)}`, '68100')]);
    const [phone, laptop] = await Promise.all([open(rose), open(rose)]);
    // Quentin asks Rose to be his coopain: the notifications job tells her, and her bell moves in both tabs.
    assert.equal((await call(stack, quentin, 'POST', `/api/friends/${rose.userId}`)).status, 200);
    for (const tab of [phone, laptop]) await tab.next(bellIs(1));
    assert.equal((await call(stack, rose, 'GET', '/api/me/notifications/unread')).body.unread, 1, 'the frame says what the API says');
    // Read from a third device: both tabs follow.
    assert.equal((await call(stack, rose, 'POST', '/api/me/notifications/read')).status, 200);
    for (const tab of [phone, laptop]) await tab.next(bellIs(0));
    // A change of her settings alone pushes nothing.
    const before = phone.frames.length;
    assert.equal((await call(stack, rose, 'PATCH', '/api/me/notification-settings', { email: { message: 'daily' } })).status, 200);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(phone.frames.filter((f) => f.type === 'notifications').length, phone.frames.slice(0, before).filter((f) => f.type === 'notifications').length);
  });

  test('a closed tab is forgotten at once ($disconnect)', async () => {
    const { RealtimeConnectionEntity } = await import('../../functions/src/domain/messaging/entities');
    const count = async () => (await RealtimeConnectionEntity.query.byPerson({ userId: paul.userId }).go()).data.length;
    const tab = await open(paul);
    const opened = await count();
    tab.socket.close();
    await until(async () => ((await count()) === opened - 1 ? true : undefined));
  });
});

describe('the offline mail (ADR 0029)', () => {
  // The job's run is called here with the clock past the delay, rather than waiting 15 minutes for the
  // worker's: the same function, the same table and mail emulator.
  const writer = () => person(`olga${run.slice(0, 4)}`, '68100');
  const sockets: WebSocket[] = [];
  after(() => {
    for (const socket of sockets) socket.terminate();
  });

  test('an unread message is mailed once per conversation to a reader who is away, as their preference says; not when muted, online, read, or « jamais »', async () => {
    const { mailOfflineReaders } = await import('../../functions/src/domain/messaging/offline-mail');
    const { messageInstant } = await import('../../functions/src/domain/messaging/ids');
    const { messageMailDelayMs } = await import('../../functions/src/domain/messaging/mail-delay');
    const { mailsTo } = await import('../support/mail');
    const { ChatMailDueEntity } = await import('../../functions/src/domain/messaging/entities');
    const { dueKeyOf } = await import('../../functions/src/domain/messaging/mail-due');
    /** The fan-out has written what falls due for this reader (after it moved their inbox: wait for this, not the inbox). */
    const untilDue = (to: TestPerson, sent: { conversationId: string; messageId: string }) =>
      until(async () => ((await ChatMailDueEntity.get({ ...dueKeyOf(messageInstant(sent.messageId)), userId: to.userId, conversationId: sent.conversationId }).go()).data ? true : undefined));
    const olga = await writer();
    const readers = await Promise.all(['ravi', 'sara', 'theo', 'uma', 'vic'].map((name) => person(`${name}${run.slice(0, 4)}`, '68100')));
    const [ravi, sara, theo, uma, vic] = readers as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];
    // Sara wants a daily digest, Théo no mail; Uma mutes the conversation; Vic has a tab open.
    assert.equal((await call(stack, sara, 'PATCH', '/api/me/notification-settings', { email: { message: 'daily' } })).status, 200);
    assert.equal((await call(stack, theo, 'PATCH', '/api/me/notification-settings', { email: { message: 'never' } })).status, 200);
    const tab = await openTab(vic);
    sockets.push(tab.socket);

    const conversations = new Map<string, string>();
    let lastSent = 0;
    const send = async (to: TestPerson, text: string, n: number) => {
      let id = conversations.get(to.userId);
      if (!id) {
        const opened = await call(stack, olga, 'POST', '/api/conversations', { participantIds: [to.userId] });
        assert.equal(opened.status, 200, JSON.stringify(opened.body));
        id = opened.body.id as string;
        conversations.set(to.userId, id);
      }
      const sent = await call(stack, olga, 'POST', `/api/conversations/${id}/messages`, { text, clientMessageId: `mail-${run}-${to.userId.slice(0, 6)}-${n}` });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      lastSent = Math.max(lastSent, messageInstant(sent.body.id as string).getTime());
      return { conversationId: id, messageId: sent.body.id as string };
    };
    const firsts = new Map<string, { conversationId: string; messageId: string }>();
    for (const reader of readers) firsts.set(reader.userId, await send(reader, `Tu viens jeudi ? ${run}`, 1));
    assert.equal((await call(stack, uma, 'POST', `/api/conversations/${conversations.get(uma.userId)}/mute`, { muted: true })).status, 200);
    // The fan-out has written what falls due (Uma's may come after her mute: her inbox is waited for).
    for (const reader of [ravi, sara, theo, vic]) await untilDue(reader, firsts.get(reader.userId)!);
    for (const reader of [uma]) {
      await until(async () => {
        const inbox = await call(stack, reader, 'GET', '/api/conversations?limit=5');
        return (inbox.body.items as { conversationId: string; unread: number }[]).some((e) => e.conversationId === conversations.get(reader.userId) && e.unread > 0) ? true : undefined;
      });
    }
    const subject = (to: TestPerson) => async () => (await mailsTo(stack, to.email)).filter((m) => m.subject.includes('olga'));
    const later = (ms: number) => new Date(lastSent + messageMailDelayMs() + ms);
    const time = () => 60_000;

    // Before the delay, nothing.
    await mailOfflineReaders(new Date(lastSent + messageMailDelayMs() - 120_000), time);
    assert.deepEqual(await subject(ravi)(), []);
    // Past it, twice: one mail to Ravi, with the way to the conversation; nothing to the others.
    await mailOfflineReaders(later(61_000), time);
    await mailOfflineReaders(later(62_000), time);
    const raviMails = await subject(ravi)();
    assert.equal(raviMails.length, 1, 'one mail, however many runs');
    assert.match(raviMails[0]!.subject, /olga\w* Test vous a écrit/);
    assert.ok(!raviMails[0]!.subject.includes('Tu viens jeudi'), 'the words stay on Coopol');
    assert.ok((raviMails[0]!.body.text ?? '').includes(`/messages/${conversations.get(ravi.userId)}`), raviMails[0]!.body.text);
    for (const quiet of [sara, theo, uma, vic]) assert.deepEqual(await subject(quiet)(), [], `${quiet.email} gets no mail now`);
    // Sara's goes in her daily digest: a notification of kind « message » waits for it; Théo's bell has it, no mail; Uma and Vic are told nothing.
    const kinds = async (who: TestPerson) => ((await call(stack, who, 'GET', '/api/me/notifications?limit=20')).body.items as { kind: string; path: string; read: boolean }[]).filter((n) => n.kind === 'message');
    assert.equal((await kinds(sara)).length, 1);
    assert.equal((await kinds(theo)).length, 1);
    assert.deepEqual(await kinds(uma), []);
    assert.deepEqual(await kinds(vic), []);

    // More messages to Ravi before he reads: still one mail. Once he has read, the next unread run mails again.
    const second = await send(ravi, `Et vendredi ? ${run}`, 2);
    await untilDue(ravi, second);
    await mailOfflineReaders(later(180_000), time);
    assert.equal((await subject(ravi)()).length, 1, 'the same unread run: no second mail');
    const bell = async () => (await call(stack, ravi, 'GET', '/api/me/notifications/unread')).body.unread as number;
    assert.deepEqual([(await kinds(ravi)).map((n) => n.read), await bell()], [[false], 1]);
    assert.equal((await call(stack, ravi, 'POST', `/api/conversations/${second.conversationId}/read`, { lastReadMessageId: second.messageId })).status, 200);
    // Reading the conversation reads its notification: the bell no longer tells of it.
    await until(async () => ((await bell()) === 0 ? true : undefined));
    assert.deepEqual((await kinds(ravi)).map((n) => n.read), [true]);
    await untilDue(ravi, await send(ravi, `Bon, samedi alors ${run}`, 3));
    await mailOfflineReaders(later(240_000), time);
    assert.equal((await subject(ravi)()).length, 2, 'read, then written to again: a new mail');
  });
});

describe('reporting a message (ADR 0029)', () => {
  test('a participant reports a message to the national team, who see that message alone and may withdraw it; anyone else is told it does not exist', async () => {
    const admin = await createTestPerson(stack, { email: `admin-${run}@coopol.example`, givenName: 'Admin', familyName: 'Test', postalCode: '75011', grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }], mfa: true });
    const opened = await call(stack, lea, 'POST', '/api/conversations', { participantIds: [malik.userId] });
    const id = opened.body.id as string;
    const before = await call(stack, lea, 'POST', `/api/conversations/${id}/messages`, { text: `Le contexte, à ne pas montrer ${run}`, clientMessageId: `rep-${run}-1` });
    const bad = await call(stack, lea, 'POST', `/api/conversations/${id}/messages`, { text: `Un message injurieux ${run}`, clientMessageId: `rep-${run}-2` });
    assert.equal(bad.status, 201);
    const path = `/api/conversations/${id}/messages/${bad.body.id as string}/report`;

    assert.equal((await call(stack, paul, 'POST', path, { reason: 'Insultes' })).status, 404, 'an outsider: no such conversation');
    const short = await call(stack, malik, 'POST', path, { reason: 'x' });
    assert.equal(short.status, 400);
    assert.equal((short.body.details as { field: string }[])[0]!.field, 'body.reason');
    const made = await call(stack, malik, 'POST', path, { reason: 'Insultes répétées' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal((made.body.message as { text: string }).text, `Un message injurieux ${run}`);

    const queue = await call(stack, admin, 'GET', '/api/reports/escalated?limit=50');
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    const listed = (queue.body.items as { id: string; reason: string; message?: { text: string; authorName: string; hidden: boolean } }[]).find((r) => r.id === made.body.id);
    assert.ok(listed, 'in the national queue');
    assert.deepEqual([listed.reason, listed.message?.authorName, listed.message?.text], ['Insultes répétées', 'lea Test', `Un message injurieux ${run}`]);
    assert.ok(!JSON.stringify(queue.body).includes(`Le contexte, à ne pas montrer ${run}`), 'the rest of the conversation is not shown');
    assert.equal((await call(stack, admin, 'GET', `/api/conversations/${id}/messages`)).status, 404, 'the moderators do not read the conversation');
    assert.equal((await call(stack, malik, 'POST', `/api/reports/${made.body.id as string}/hide-message`)).status, 403, 'only the national team withdraws it');

    const hidden = await call(stack, admin, 'POST', `/api/reports/${made.body.id as string}/hide-message`);
    assert.equal(hidden.status, 200, JSON.stringify(hidden.body));
    assert.deepEqual([(hidden.body.message as { hidden: boolean }).hidden, (hidden.body.message as { text: string }).text], [true, '']);
    const history = await call(stack, malik, 'GET', `/api/conversations/${id}/messages`);
    const gone = (history.body.items as { id: string; deleted: boolean; text: string }[]).find((m) => m.id === bad.body.id)!;
    assert.deepEqual([gone.deleted, gone.text], [true, ''], 'withdrawn for the participants too');
    assert.ok((history.body.items as { id: string }[]).some((m) => m.id === before.body.id), 'the rest stays');
    // The inbox's preview follows, as for a deletion (the stream job).
    await until(async () => {
      const inbox = await call(stack, malik, 'GET', '/api/conversations?limit=50');
      const entry = (inbox.body.items as { conversationId: string; lastMessage: { deleted: boolean } | null }[]).find((e) => e.conversationId === id);
      return entry?.lastMessage?.deleted ? true : undefined;
    });
  });
});

describe('a space’s salon (ADR 0029 § Salons)', () => {
  const sockets: WebSocket[] = [];
  /** An adhérent of Mulhouse (only adhérents create groups). */
  const adherent = (name: string) =>
    createTestPerson(stack, { email: `${name}-${run}@coopol.example`, givenName: name, familyName: 'Test', postalCode: '68100', member: { memberNumber: `SL${name.toUpperCase()}${run.slice(0, 4).toUpperCase()}`, sectionId: 'mulhouse' } });
  after(() => {
    for (const socket of sockets) socket.terminate();
  });

  test('a group’s managers open it, its members join and hear it live; who leaves the group leaves the salon; outsiders are told it does not exist', async () => {
    const [anne, bea, carl, dora] = await Promise.all([adherent('anne'), ...['bea', 'carl', 'dora'].map((name) => person(`${name}s${run.slice(0, 4)}`, '68100'))]);
    const created = await call(stack, anne!, 'POST', '/api/groups', { name: `Salon ${run}`, kind: 'open', audience: 'all' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const groupId = created.body.id as string;
    const salonPath = `/api/spaces/group/${groupId}/salon`;
    for (const member of [bea!, carl!]) assert.equal((await call(stack, member, 'POST', `/api/groups/${groupId}/join`)).status, 200);

    // Not opened yet: its members see so, and cannot join; a member may not open it; an outsider is told nothing is there.
    assert.deepEqual(((await call(stack, bea!, 'GET', salonPath)).body as { open: boolean; mayManage: boolean }).open, false);
    assert.equal((await call(stack, bea!, 'POST', `${salonPath}/join`)).status, 404);
    const refused = await call(stack, bea!, 'PUT', salonPath, { open: true });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'salon.runners-only');
    for (const [method, path] of [['GET', salonPath], ['POST', `${salonPath}/join`], ['PUT', salonPath]] as const) {
      assert.equal((await call(stack, dora!, method, path, method === 'PUT' ? { open: true } : undefined)).status, 404, `${method} ${path} for someone outside the group`);
    }
    assert.equal((await call(stack, anne!, 'PUT', salonPath, { foo: 1 })).status, 400, 'the body is checked');

    // Anne opens it (and is in it); Béa and Carl join; the same join twice counts once.
    const opened = await call(stack, anne!, 'PUT', salonPath, { open: true });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const conversationId = opened.body.conversationId as string;
    assert.equal(conversationId, `s.group:${groupId}`);
    assert.deepEqual([opened.body.open, opened.body.joined, opened.body.mayManage, opened.body.participantCount], [true, true, true, 1]);
    for (const member of [bea!, carl!, carl!]) assert.equal((await call(stack, member, 'POST', `${salonPath}/join`)).status, 200);
    const state = (await call(stack, bea!, 'GET', salonPath)).body;
    assert.deepEqual([state.joined, state.mayManage, state.participantCount], [true, false, 3]);
    const inbox = (await call(stack, carl!, 'GET', '/api/conversations')).body.items as { conversationId: string; kind: string; title: string }[];
    assert.deepEqual(inbox.find((e) => e.conversationId === conversationId), { ...inbox.find((e) => e.conversationId === conversationId)!, kind: 'salon', title: `Groupe Salon ${run}` });
    const view = await call(stack, carl!, 'GET', `/api/conversations/${conversationId}`);
    assert.equal(view.status, 200);
    assert.deepEqual([view.body.participants, (view.body.salon as { title: string; open: boolean }).title], [[], `Groupe Salon ${run}`], 'a salon names its space, not its hundreds of people');

    // A message reaches every member's open tab; Dora, outside, reads nothing.
    const carlTab = await openTab(carl!);
    sockets.push(carlTab.socket);
    const text = `Qui vient samedi ? ${run}`;
    const sent = await call(stack, bea!, 'POST', `/api/conversations/${conversationId}/messages`, { text, clientMessageId: `salon-${run}-1` });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    await carlTab.next(messageIn(conversationId, text));
    assert.equal((await call(stack, dora!, 'GET', `/api/conversations/${conversationId}/messages`)).status, 404);

    // Carl leaves the group: at once out of the salon (404 everywhere), then out of its inbox and count.
    assert.equal((await call(stack, carl!, 'POST', `/api/groups/${groupId}/leave`)).status, 200);
    assert.equal((await call(stack, carl!, 'GET', `/api/conversations/${conversationId}/messages`)).status, 404);
    assert.equal((await call(stack, carl!, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Encore là ?', clientMessageId: `salon-${run}-2` })).status, 404);
    await until(async () => (((await call(stack, carl!, 'GET', '/api/conversations')).body.items as { conversationId: string }[]).some((e) => e.conversationId === conversationId) ? undefined : true));
    await until(async () => (((await call(stack, anne!, 'GET', salonPath)).body.participantCount as number) === 2 ? true : undefined));
    const after = `Carl est parti ${run}`;
    await call(stack, bea!, 'POST', `/api/conversations/${conversationId}/messages`, { text: after, clientMessageId: `salon-${run}-3` });
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(!carlTab.frames.some((f) => f.type === 'message' && f.message.text === after), 'nothing more reaches who left the group');

    // Closed by Anne: read still, written no more (409); reopened, written again.
    const closed = await call(stack, anne!, 'PUT', salonPath, { open: false });
    assert.deepEqual([closed.status, closed.body.open], [200, false]);
    assert.equal((await call(stack, bea!, 'GET', `/api/conversations/${conversationId}/messages`)).status, 200);
    const late = await call(stack, bea!, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Trop tard', clientMessageId: `salon-${run}-4` });
    assert.deepEqual([late.status, late.body.code], [409, 'salon.closed']);
    assert.equal((await call(stack, dora!, 'POST', `/api/groups/${groupId}/join`)).status, 200);
    assert.equal((await call(stack, dora!, 'POST', `${salonPath}/join`)).body.code, 'salon.closed');
    assert.equal((await call(stack, anne!, 'PUT', salonPath, { open: true })).status, 200);
    assert.equal((await call(stack, bea!, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Rouvert', clientMessageId: `salon-${run}-5` })).status, 201);
  });

  test('a salon’s message is reported to its space’s moderators, not the national team; they withdraw it, or block its author from writing in the space', async () => {
    const [ines, joel, kim] = await Promise.all([adherent('ines'), ...['joel', 'kim'].map((name) => person(`${name}r${run.slice(0, 4)}`, '68100'))]);
    const created = await call(stack, ines!, 'POST', '/api/groups', { name: `Modération ${run}`, kind: 'open', audience: 'all' });
    const groupId = created.body.id as string;
    const salonPath = `/api/spaces/group/${groupId}/salon`;
    for (const member of [joel!, kim!]) assert.equal((await call(stack, member, 'POST', `/api/groups/${groupId}/join`)).status, 200);
    const conversationId = (await call(stack, ines!, 'PUT', salonPath, { open: true })).body.conversationId as string;
    for (const member of [joel!, kim!]) await call(stack, member, 'POST', `${salonPath}/join`);
    const sent = await call(stack, joel!, 'POST', `/api/conversations/${conversationId}/messages`, { text: `Propos déplacé ${run}`, clientMessageId: `salon-r-${run}-1` });
    const reported = await call(stack, kim!, 'POST', `/api/conversations/${conversationId}/messages/${sent.body.id}/report`, { reason: 'Insultant' });
    assert.equal(reported.status, 201, JSON.stringify(reported.body));
    const reportId = reported.body.id as string;

    const queue = await call(stack, ines!, 'GET', `/api/spaces/group/${groupId}/reports`);
    assert.equal(queue.status, 200);
    const mine = (queue.body.items as { id: string; message?: { text: string } }[]).find((r) => r.id === reportId);
    assert.equal(mine?.message?.text, `Propos déplacé ${run}`, 'in the space’s queue, with the message');
    assert.equal((await call(stack, kim!, 'POST', `/api/reports/${reportId}/hide-message`)).status, 403, 'the reporter is no moderator');

    const hidden = await call(stack, ines!, 'POST', `/api/reports/${reportId}/hide-message`);
    assert.equal(hidden.status, 200, JSON.stringify(hidden.body));
    await until(async () => {
      const page = await call(stack, kim!, 'GET', `/api/conversations/${conversationId}/messages`);
      return (page.body.items as { id: string; deleted: boolean }[]).find((m) => m.id === sent.body.id)?.deleted ? true : undefined;
    });

    // Blocked in the group by Inès: Joël writes no more in its salon (and reads it still).
    assert.equal((await call(stack, ines!, 'PUT', `/api/spaces/group/${groupId}/blocks/${joel!.userId}`)).status, 200);
    const silenced = await call(stack, joel!, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Encore', clientMessageId: `salon-r-${run}-2` });
    assert.deepEqual([silenced.status, silenced.body.code], [403, 'space.blocked']);
    assert.equal((await call(stack, joel!, 'GET', `/api/conversations/${conversationId}/messages`)).status, 200);
  });
});
