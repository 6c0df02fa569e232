import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directConversationId, messageInstant, newMessageId, newTicket, peopleOf, salonConversationId, ticketKey } from '../../functions/src/domain/messaging/ids';

// Messaging's identifiers (ADR 0029): the same set of people → the same conversation; message ids
// sort by time, so a history page is one Query on the sort key.

test('the same set of people names the same conversation, whatever the order or repeats', () => {
  const a = directConversationId(peopleOf('ana', ['bob', 'chloé']));
  assert.equal(directConversationId(peopleOf('bob', ['chloé', 'ana', 'ana'])), a);
  assert.equal(directConversationId(['chloé', 'bob', 'ana']), a);
  assert.notEqual(directConversationId(peopleOf('ana', ['bob'])), a);
  assert.match(a, /^d\.[A-Za-z0-9_-]{22}$/);
  assert.deepEqual(peopleOf('bob', ['ana', 'bob']), ['ana', 'bob']);
});

test('a salon is one per space, and cannot be taken for a direct conversation', () => {
  assert.equal(salonConversationId('group:g1'), 's.group:g1');
  assert.notEqual(salonConversationId('section:g1'), salonConversationId('group:g1'));
  assert.ok(!salonConversationId('group:g1').startsWith('d.'));
});

test('message ids sort as text in the order they were sent, and carry their instant', () => {
  const instants = ['2026-12-02T14:00:00.000Z', '2026-12-02T14:00:00.001Z', '2026-12-02T15:00:00.000Z', '2031-01-01T00:00:00.000Z'].map((iso) => new Date(iso));
  const ids = instants.map((at) => newMessageId(at));
  assert.deepEqual([...ids].reverse().sort(), ids);
  assert.equal(messageInstant(ids[2]!).toISOString(), '2026-12-02T15:00:00.000Z');
  assert.notEqual(newMessageId(instants[0]), newMessageId(instants[0]));
});

test('a ticket is random and stored only by its hash', () => {
  const ticket = newTicket();
  assert.notEqual(newTicket(), ticket);
  assert.ok(ticket.length >= 40);
  assert.equal(ticketKey(ticket), ticketKey(ticket));
  assert.ok(!ticketKey(ticket).includes(ticket));
});
