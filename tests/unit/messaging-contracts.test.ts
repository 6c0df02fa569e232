import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorText, frErrors } from '../../functions/src/contracts/errors';
import { ChatMessage, ConversationId, SendMessageInput, StartConversationInput } from '../../functions/src/contracts/messaging';
import { messagesPerMinute, newConversationsPerDay } from '../../functions/src/domain/messaging/limits';
import { directConversationId, newMessageId } from '../../functions/src/domain/messaging/ids';

// What the messaging routes accept (ADR 0029): the failing field is named, in French.

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

test('a message is 1 to 4,000 characters, trimmed, with a client id — or files alone, at most 4', () => {
  const ok = SendMessageInput.parse({ text: '  Salut !  ', clientMessageId: 'c-12345678' });
  assert.equal(ok.text, 'Salut !');
  assert.ok(SendMessageInput.safeParse({ text: 'é'.repeat(4000), clientMessageId: 'c-12345678' }).success);
  assert.deepEqual(issuesOf(SendMessageInput.safeParse({ text: 'a'.repeat(4001), clientMessageId: 'c-12345678' })), ['text: au plus 4 000 caractères']);
  assert.deepEqual(issuesOf(SendMessageInput.safeParse({ text: '   ', clientMessageId: 'c-12345678' })), ['text: écrivez un message ou joignez un fichier']);
  const file = (n: number) => String(n).padStart(20, '0');
  assert.deepEqual(SendMessageInput.parse({ clientMessageId: 'c-12345678', attachments: [file(1)] }).text, '', 'a file alone');
  assert.deepEqual(issuesOf(SendMessageInput.safeParse({ clientMessageId: 'c-12345678', attachments: [1, 2, 3, 4, 5].map(file) })), ['attachments: au plus 4 fichiers']);
  assert.match(issuesOf(SendMessageInput.safeParse({ text: 'a', clientMessageId: 'x' }))[0]!, /^clientMessageId: identifiant de message du client/);
});

test('a conversation has 1 to 49 other people (50 with its creator)', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `user-${String(i).padStart(4, '0')}`);
  assert.ok(StartConversationInput.safeParse({ participantIds: ids(49) }).success);
  assert.deepEqual(issuesOf(StartConversationInput.safeParse({ participantIds: ids(50) })), ['participantIds: au plus 49 autres personnes']);
  assert.deepEqual(issuesOf(StartConversationInput.safeParse({ participantIds: [] })), ['participantIds: au moins une personne']);
});

test('the ids the domain makes are the ids the contract accepts', () => {
  assert.ok(ConversationId.safeParse(directConversationId(['ana-0001', 'bob-0002'])).success);
  assert.ok(ConversationId.safeParse('s.group:0123456789abcdef').success);
  const message = { id: newMessageId(), conversationId: 's.section:mulhouse', authorId: null, authorName: 'compte supprimé', text: '', attachments: [], sentAt: new Date().toISOString(), editedAt: null, deleted: true, clientMessageId: null };
  assert.ok(ChatMessage.safeParse(message).success);
});

const refusalText = (reason: unknown) => {
  const [code, params] = reason as [keyof typeof frErrors, Record<string, unknown>];
  return errorText(frErrors, code, params);
};

test('the limits refuse in French, with the wait', () => {
  assert.match(refusalText(messagesPerMinute.refusal(40)), /^Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans 40 secondes\.$/);
  assert.match(refusalText(newConversationsPerDay.refusal(3600)), /^Vous avez commencé beaucoup de conversations aujourd’hui : réessayez dans .+\.$/);
});
