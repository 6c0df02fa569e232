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
  const { PersonBlockEntity } = await import('../../functions/src/domain/messaging/entities');
  await PersonBlockEntity.put({ userId: nina.userId, blockedId: lea.userId, at: new Date().toISOString() }).go();
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
