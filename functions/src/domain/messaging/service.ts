import { Service } from 'electrodb';
import type { z } from 'zod';
import type { ChatConversation, ChatMessage, ChatMessagePage, Inbox } from '../../contracts/messaging';
import type { Caller } from '../access/caller';
import { callerItem, factsOf } from '../access/load-caller';
import { requirePerson, type Person } from '../access/authority';
import { mayBeInSalon, mayWriteTo } from '../access/rules/messaging';
import { mayFind } from '../access/rules/people';
import { contentionAsCanceled, writtenUnlessRefused } from '../../shared/conditions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { spendRate } from '../limits/rate-limits';
import { badCursor } from '../paging';
import { PersonEntity } from '../people/entities';
import { attachableFiles } from '../social/attachable';
import { AttachmentEntity, FriendshipEntity, SpaceBlockEntity } from '../social/entities';
import { spaceKeyOf } from '../spaces/keys';
import { displayName } from '../social/spaces';
import { directConversationId, maxParticipants, newMessageId, peopleOf } from './ids';
import { messagesPerMinute, newConversationsPerDay } from './limits';
import {
  ConversationEntity,
  InboxEntryEntity,
  InboxTotalsEntity,
  MessageClientKeyEntity,
  MessageEntity,
  ParticipantEntity,
  PersonBlockEntity,
} from './entities';
import { messageView } from './message-view';
import { salonRuleSpace, salonSpaceOf } from './salon-spaces';
import { withdrawMessage } from './withdraw';

/**
 * Messaging's REST services (issue 15, ADR 0029). Every function takes the caller; a conversation the
 * caller is not (or no longer) in is « not found », the same answer as one that does not exist.
 */

const inboxes = new Service({ inboxEntry: InboxEntryEntity, totals: InboxTotalsEntity });
const messaging = new Service({
  conversation: ConversationEntity,
  participant: ParticipantEntity,
  message: MessageEntity,
  clientKey: MessageClientKeyEntity,
  inboxEntry: InboxEntryEntity,
  attachment: AttachmentEntity,
});

type MessageItem = import('electrodb').EntityItem<typeof MessageEntity>;
const viewFor = (person: Person, item: MessageItem) => messageView(item, item.authorId === person.userId);
const notFound = () => new NotFoundError('conversation.not-found', 'params.conversationId');

/**
 * The caller's participation, or 404 (M2): the one check every conversation route makes. In a salon,
 * also the caller's place in its space (the salon read beside it): who left the space is out of its
 * salon at once, whatever the stream job has done yet.
 */
export async function participationOf(person: Person, conversationId: string) {
  const salonId = salonSpaceOf(conversationId);
  const [{ data }, salon] = await Promise.all([
    ParticipantEntity.get({ conversationId, userId: person.userId }).go(),
    salonId ? ConversationEntity.get({ conversationId }).go().then((r) => r.data ?? undefined) : undefined,
  ]);
  if (!data || data.leftAt) throw notFound();
  if (salonId) {
    if (!salon) throw notFound();
    const { space, facts } = salonRuleSpace(person, salon);
    if (!mayBeInSalon(person, space, facts)) throw notFound();
  }
  return { ...data, salon };
}

/** What lies between two people (M9 both ways, one friendship side). */
async function between(writerId: string, recipientId: string) {
  const [blocks, friendship] = await Promise.all([
    PersonBlockEntity.get([{ userId: writerId, blockedId: recipientId }, { userId: recipientId, blockedId: writerId }]).go(),
    FriendshipEntity.get({ userId: writerId, friendId: recipientId }).go(),
  ]);
  return { blocked: blocks.data.length > 0, areFriends: friendship.data?.state === 'friends' };
}

/**
 * A block stops a conversation of two, either way: the one blocked (or who blocked) can read what was
 * said but writes no more. In a conversation of three or more a block between two of them silences
 * nobody: the others did not choose it (ADR 0029).
 */
async function refuseIfBlocked(writerId: string, conversationId: string): Promise<void> {
  const { data } = await ParticipantEntity.query.byConversation({ conversationId }).go({ pages: 'all' });
  const others = data.filter((p) => !p.leftAt && p.userId !== writerId);
  if (others.length === 1 && (await between(writerId, others[0]!.userId)).blocked) {
    throw new ForbiddenError('messaging.blocked', [{ field: 'params.conversationId', message: 'blocage entre vous' }]);
  }
}

/**
 * In a salon, a block between two people silences nobody (the others did not choose it); what stops
 * a message is the salon closed by those who run the space (409), or its moderators having taken from
 * the person the right to post in the space (403, S20: 1 GetItem).
 */
async function refuseInSalon(person: Person, salon: { closedAt?: string; spaceType?: string; spaceId?: string }): Promise<void> {
  if (salon.closedAt) throw new ConflictError('salon.closed', [{ field: 'params.conversationId', message: 'salon fermé' }]);
  const spaceKey = spaceKeyOf({ type: salon.spaceType === 'section' ? 'section' : 'group', id: salon.spaceId ?? '' });
  const { data } = await SpaceBlockEntity.get({ spaceKey, userId: person.userId }).go();
  if (data) throw new ForbiddenError('space.blocked', [{ field: 'params.conversationId', message: 'droit de publier retiré dans cet espace' }]);
}

/**
 * Start a conversation with up to 49 others (POST /api/conversations). Every person passes the rule of
 * who may write to whom; the same set of people names the same conversation, so starting it again
 * returns the first one (a conditional Put: no index, no race).
 */
export async function startConversation(caller: Caller, participantIds: readonly string[]): Promise<{ created: boolean; conversation: z.input<typeof ChatConversation> }> {
  const writer = requirePerson(caller);
  const people = peopleOf(writer.userId, participantIds);
  if (people.length > maxParticipants) throw new ValidationError([{ field: 'body.participantIds', message: `au plus ${maxParticipants - 1} autres personnes` }]);
  const selfAt = participantIds.indexOf(writer.userId);
  if (selfAt >= 0) throw new ValidationError([{ field: `body.participantIds.${selfAt}`, message: 'on ne s’écrit pas à soi-même' }]);
  const conversationId = directConversationId(people);
  const existing = await ParticipantEntity.get({ conversationId, userId: writer.userId }).go();
  if (existing.data && !existing.data.leftAt) return { created: false, conversation: await conversationView(writer, conversationId) };

  const others = [...new Set(participantIds)];
  const { data: items } = await PersonEntity.get(others.map((userId) => ({ userId }))).go();
  const byId = new Map(items.map((item) => [item.userId, item]));
  for (const [i, userId] of participantIds.entries()) {
    const item = byId.get(userId);
    if (!item) throw new NotFoundError('person.not-found', `body.participantIds.${i}`);
    const recipient = { ...factsOf(item), writableBy: item.writableBy };
    const us = await between(writer.userId, userId);
    // Someone the writer may not find (« qui peut me trouver ») is answered as an unknown id: a 403
    // would tell that this id is someone on Coopol (art. 9).
    if (!mayFind(caller, item, us.areFriends)) throw new NotFoundError('person.not-found', `body.participantIds.${i}`);
    mayWriteTo(writer, recipient, us, `body.participantIds.${i}`);
  }
  await spendRate(newConversationsPerDay, writer.userId);
  const me = await callerItem(writer);
  const names = new Map([[writer.userId, me ? displayName(me) : ''], ...others.map((id) => [id, displayName(byId.get(id)!)] as [string, string])]);
  const at = new Date().toISOString();
  const put = await writtenUnlessRefused(ConversationEntity.create({ conversationId, kind: 'direct', createdBy: writer.userId, createdAt: at, participantCount: people.length }).go());
  // Participants and inbox entries: one batch each; a first start writes them, a later one (a person
  // who left and comes back through the same set) writes them again, the same.
  await ParticipantEntity.put(people.map((userId) => ({ conversationId, userId, displayName: names.get(userId)!, joinedAt: at }))).go();
  await InboxEntryEntity.put(
    people.map((userId) => ({
      userId,
      conversationId,
      kind: 'direct' as const,
      title: people.filter((id) => id !== userId).map((id) => names.get(id)!).join(', '),
      lastMessageAt: at,
    })),
  ).go();
  return { created: put, conversation: await conversationView(writer, conversationId) };
}

async function conversationView(person: Person, conversationId: string): Promise<z.input<typeof ChatConversation>> {
  // A direct conversation's people are read beside the caller's participation (told only if it holds).
  const direct = !salonSpaceOf(conversationId);
  const [mine, conversation, participants] = await Promise.all([
    participationOf(person, conversationId),
    direct ? ConversationEntity.get({ conversationId }).go() : undefined,
    direct ? ParticipantEntity.query.byConversation({ conversationId }).go({ pages: 'all' }) : undefined,
  ]);
  const own = { id: conversationId, muted: mine.muted ?? false, lastReadMessageId: mine.lastReadMessageId ?? null };
  const { salon } = mine;
  if (salon) {
    // A salon's people are many, and listed on its space's page: the conversation names its space.
    const spaceType = salon.spaceType === 'section' ? ('section' as const) : ('group' as const);
    const about = { spaceType, spaceId: salon.spaceId ?? '', title: salon.title ?? '', open: !salon.closedAt, participantCount: Math.max(0, salon.participantCount) };
    return { ...own, kind: 'salon', participants: [], salon: about };
  }
  if (!conversation?.data || !participants) throw notFound();
  return {
    ...own,
    kind: conversation.data.kind,
    participants: participants.data.map((p) => ({ userId: p.userId, displayName: p.displayName, left: Boolean(p.leftAt) })),
    salon: null,
  };
}

/** One conversation, for a participant only (GET /api/conversations/{conversationId}). */
export const getConversation = (caller: Caller, conversationId: string) => conversationView(requirePerson(caller), conversationId);

/** The caller's inbox, newest first (M5: one Query on gsi1). */
export async function listInbox(caller: Caller, page: { cursor?: string; limit: number }): Promise<z.input<typeof Inbox>> {
  const person = requirePerson(caller);
  const result = await InboxEntryEntity.query
    .inbox({ userId: person.userId })
    .go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit })
    .catch(badCursor(page.cursor));
  return {
    items: result.data.map((entry) => ({
      conversationId: entry.conversationId,
      kind: entry.kind,
      title: entry.title,
      unread: entry.unread ?? 0,
      muted: entry.muted ?? false,
      lastMessage: entry.lastMessageId
        ? { id: entry.lastMessageId, authorName: entry.lastAuthorName ?? '', preview: entry.lastPreview ?? '', at: entry.lastMessageAt, edited: entry.lastEdited ?? false, deleted: entry.lastDeleted ?? false }
        : null,
    })),
    nextCursor: result.cursor ?? null,
  };
}

/** A page of the history, newest first (M4: one Query, cursor = the last key). */
export async function listMessages(caller: Caller, conversationId: string, page: { cursor?: string; limit: number }): Promise<z.input<typeof ChatMessagePage>> {
  const person = requirePerson(caller);
  await participationOf(person, conversationId);
  const result = await MessageEntity.query
    .byConversation({ conversationId })
    .go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit })
    .catch(badCursor(page.cursor));
  return { items: result.data.map((item) => viewFor(person, item)), nextCursor: result.cursor ?? null };
}

/**
 * Send a message (POST …/messages). The message and its client key are one transaction conditioned on
 * the key being absent: a retry with the same client id answers the message already stored (M7). Its
 * files are claimed in the same transaction, each still its author's and unused, or nothing is written.
 */
export async function sendMessage(
  caller: Caller,
  conversationId: string,
  input: { text: string; clientMessageId: string; attachments?: string[] },
): Promise<{ created: boolean; message: z.input<typeof ChatMessage> }> {
  const person = requirePerson(caller);
  const me = await participationOf(person, conversationId);
  const stored = async () => {
    const key = await MessageClientKeyEntity.get({ conversationId, authorId: person.userId, clientMessageId: input.clientMessageId }).go({ consistent: true });
    if (!key.data) return undefined;
    const message = await MessageEntity.get({ conversationId, messageId: key.data.messageId }).go({ consistent: true });
    return message.data ?? undefined;
  };
  const before = await stored();
  if (before) return { created: false, message: viewFor(person, before) };
  if (me.salon) await refuseInSalon(person, me.salon);
  else await refuseIfBlocked(person.userId, conversationId);
  const attachments = await attachableFiles(person.userId, input.attachments ?? []);
  await spendRate(messagesPerMinute, person.userId);
  const at = new Date();
  const messageId = newMessageId(at);
  const item = {
    conversationId,
    messageId,
    authorId: person.userId,
    authorName: me.displayName,
    text: input.text,
    ...(attachments.length && { attachments }),
    clientMessageId: input.clientMessageId,
  };
  const result = await messaging.transaction
    .write(({ message, clientKey, conversation, attachment }) => [
      clientKey.create({ conversationId, authorId: person.userId, clientMessageId: input.clientMessageId, messageId }).commit(),
      message.create(item).commit(),
      conversation.patch({ conversationId }).set({ lastMessageAt: at.toISOString() }).commit(),
      ...attachments.map(({ attachmentId }) =>
        attachment
          .patch({ attachmentId })
          .set({ state: 'attached', conversationId, messageId })
          .remove(['expiresAt'])
          .where((attr, op) => `${op.eq(attr.state, 'ready')} AND ${op.eq(attr.ownerId, person.userId)}`)
          .commit(),
      ),
    ])
    .go();
  if (result.canceled) {
    const raced = await stored();
    if (raced) return { created: false, message: viewFor(person, raced) };
    if (attachments.length) throw new ConflictError('message.attachment-taken', [{ field: 'body.attachments', message: 'fichier déjà utilisé' }]);
    throw notFound();
  }
  return { created: true, message: viewFor(person, item as MessageItem) };
}

/** The caller's own message, for a change: 404 for an unknown one, 403 for someone else's (they see it). */
async function ownMessage(person: Person, conversationId: string, messageId: string): Promise<MessageItem> {
  await participationOf(person, conversationId);
  const { data } = await MessageEntity.get({ conversationId, messageId }).go({ consistent: true });
  if (!data) throw new NotFoundError('message.not-found', 'params.messageId');
  if (data.authorId !== person.userId) throw new ForbiddenError('message.not-author', [{ field: 'params.messageId', message: 'message d’une autre personne' }]);
  if (data.deletedAt) throw new ConflictError('message.deleted', [{ field: 'params.messageId', message: 'message supprimé' }]);
  return data;
}

/**
 * Edit one's message (PATCH …/messages/{messageId}). The stream job tells every open tab and
 * rewrites the inbox previews that show it (jobs/messaging-fanout.ts).
 */
export async function editMessage(caller: Caller, conversationId: string, messageId: string, text: string): Promise<z.input<typeof ChatMessage>> {
  const person = requirePerson(caller);
  const message = await ownMessage(person, conversationId, messageId);
  if (message.text === text) return viewFor(person, message);
  const editedAt = new Date().toISOString();
  await MessageEntity.patch({ conversationId, messageId })
    .set({ text, editedAt })
    .where(({ deletedAt }, { notExists }) => notExists(deletedAt))
    .go();
  return viewFor(person, { ...message, text, editedAt });
}

/** Delete one's message: it stays as « Message supprimé », its text and files erased (withdraw.ts). */
export async function deleteMessage(caller: Caller, conversationId: string, messageId: string): Promise<z.input<typeof ChatMessage>> {
  const person = requirePerson(caller);
  const message = await ownMessage(person, conversationId, messageId);
  const deletedAt = await withdrawMessage(message);
  return viewFor(person, { ...message, text: '', attachments: undefined, deletedAt });
}

/**
 * Leave a conversation (POST …/leave): nothing more reaches the person, it leaves their inbox, and its
 * unread messages leave their badge. Their past messages stay, under their name. Starting the same
 * conversation again brings them back.
 */
export async function leaveConversation(caller: Caller, conversationId: string): Promise<{ ok: true }> {
  const person = requirePerson(caller);
  await participationOf(person, conversationId);
  await leave(person.userId, conversationId);
  return { ok: true };
}

/**
 * Takes a person out of a conversation, once (the participant marked under the condition that it was
 * not yet, so a salon's count loses one only once): also what the stream job does when someone leaves
 * a salon's space. Nothing when they are not in it.
 */
export async function leave(userId: string, conversationId: string): Promise<void> {
  const left = await writtenUnlessRefused(
    ParticipantEntity.patch({ conversationId, userId })
      .set({ leftAt: new Date().toISOString() })
      .where(({ leftAt }, { notExists }) => notExists(leftAt))
      .go(),
  );
  if (!left) return;
  if (salonSpaceOf(conversationId)) await ConversationEntity.patch({ conversationId }).add({ participantCount: -1 }).go();
  const entry = (await InboxEntryEntity.get({ userId, conversationId }).go({ consistent: true })).data;
  if (entry) {
    await inboxes.transaction
      .write(({ inboxEntry, totals }) => [
        inboxEntry.delete({ userId, conversationId }).commit(),
        ...(entry.muted || !entry.unread ? [] : [totals.update({ userId }).subtract({ unread: entry.unread }).commit()]),
      ])
      .go();
  }
}

/**
 * Mute or hear again (POST …/mute): a muted conversation still shows its messages and its own unread
 * count, but leaves the badge and sends no mail. Its unread messages leave the total, or come back to
 * it — one transaction conditioned on the count read, retried if a message came meanwhile.
 */
export async function muteConversation(caller: Caller, conversationId: string, muted: boolean): Promise<z.input<typeof ChatConversation>> {
  const person = requirePerson(caller);
  const me = await participationOf(person, conversationId);
  if ((me.muted ?? false) !== muted) {
    await ParticipantEntity.patch({ conversationId, userId: person.userId }).set({ muted }).go();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const entry = (await InboxEntryEntity.get({ userId: person.userId, conversationId }).go({ consistent: true })).data;
      if (!entry || (entry.muted ?? false) === muted) break;
      const unread = entry.unread ?? 0;
      const result = await inboxes.transaction
        .write(({ inboxEntry, totals }) => [
          inboxEntry.patch({ userId: person.userId, conversationId }).set({ muted }).where(({ unread: count }, { eq }) => eq(count, unread)).commit(),
          ...(unread === 0 ? [] : [muted ? totals.update({ userId: person.userId }).subtract({ unread }).commit() : totals.update({ userId: person.userId }).add({ unread }).commit()]),
        ])
        .go()
        .catch(contentionAsCanceled);
      if (!result.canceled) break;
    }
  }
  return conversationView(person, conversationId);
}

/**
 * Mark the conversation read up to a message (POST …/read): the caller's unread count goes to zero,
 * and what it held leaves the total — one transaction, conditioned on the count read, so a message
 * the stream job counts meanwhile is not lost (then it is read again and retried).
 */
export async function markRead(caller: Caller, conversationId: string, lastReadMessageId: string): Promise<{ ok: true }> {
  const person = requirePerson(caller);
  const me = await participationOf(person, conversationId);
  const message = await MessageEntity.get({ conversationId, messageId: lastReadMessageId }).go();
  if (!message.data) throw new ValidationError([{ field: 'body.lastReadMessageId', message: 'ce message n’est pas dans la conversation' }]);
  if (!me.lastReadMessageId || me.lastReadMessageId < lastReadMessageId) {
    await ParticipantEntity.patch({ conversationId, userId: person.userId }).set({ lastReadMessageId }).go();
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const entry = (await InboxEntryEntity.get({ userId: person.userId, conversationId }).go({ consistent: true })).data;
    const unread = entry?.unread ?? 0;
    if (!entry || unread === 0) break;
    const result = await inboxes.transaction
      .write(({ inboxEntry, totals }) => [
        inboxEntry.patch({ userId: person.userId, conversationId }).set({ unread: 0 }).where(({ unread: count }, { eq }) => eq(count, unread)).commit(),
        ...(entry.muted ? [] : [totals.update({ userId: person.userId }).subtract({ unread }).commit()]),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) break;
  }
  return { ok: true };
}

/** The badge: unread messages of every conversation not muted (GET /api/conversations/unread, one GetItem). */
export async function unreadTotal(caller: Caller): Promise<{ total: number }> {
  const person = requirePerson(caller);
  const { data } = await InboxTotalsEntity.get({ userId: person.userId }).go();
  return { total: Math.max(0, data?.unread ?? 0) };
}
