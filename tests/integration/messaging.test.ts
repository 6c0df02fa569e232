import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Live messaging's REST routes (issue 15, ADR 0029) against the real handlers behind the local gateway.

const run = randomUUID().slice(0, 8);
let stack: TestStack;
let lea: TestPerson; // Mulhouse (68)
let malik: TestPerson; // Colmar (68): shares the federation with Léa
let nina: TestPerson; // Haut-Rhin too, blocks Léa
let paul: TestPerson; // Paris: shares nothing with Léa
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
    const inbox = await call(stack, malik, 'GET', '/api/conversations');
    const entry = (inbox.body.items as { conversationId: string; unread: number; lastMessage: { preview: string } }[]).find((e) => e.conversationId === conversation.id)!;
    assert.equal(entry.unread, 1);
    assert.equal(entry.lastMessage.preview, 'On se retrouve au marché ?');
    const read = await call(stack, malik, 'POST', `/api/conversations/${conversation.id}/read`, { lastReadMessageId: sent.body.id });
    assert.equal(read.status, 200);
    const after = await call(stack, malik, 'GET', '/api/conversations');
    assert.equal((after.body.items as { conversationId: string; unread: number }[]).find((e) => e.conversationId === conversation.id)!.unread, 0);
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
