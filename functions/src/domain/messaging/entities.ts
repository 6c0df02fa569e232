import { Entity } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';
import { attachedFiles } from '../social/entities/posts';

/**
 * Live messaging's entities (ADR 0029; docs/ACCESS_PATTERNS.md § Messaging, M1–M12). Not ADR 0022's
 * comment « conversations ». Ids: ./ids.ts.
 */

/** A direct conversation (id from its sorted people) or a space's salon (M1, M2). */
export const ConversationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatConversation', version: '1' },
    attributes: {
      conversationId: { type: 'string', required: true },
      kind: { type: ['direct', 'salon'] as const, required: true },
      spaceType: { type: 'string' },
      spaceId: { type: 'string' },
      /** A salon's: its space's name (« Groupe Santé »), and a section's federation (who runs it from above). */
      title: { type: 'string' },
      federationCode: { type: 'string' },
      /** A salon closed by those who run its space: read still, written no more. */
      closedAt: { type: 'string' },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      participantCount: { type: 'number', required: true },
      lastMessageAt: { type: 'string' },
    },
    indexes: { byId: { pk: { field: 'pk', composite: ['conversationId'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);

/** One person in a conversation: their read marker, mute, and whether they left (M2, M3). */
export const ParticipantEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatParticipant', version: '1' },
    attributes: {
      conversationId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      displayName: { type: 'string', required: true },
      joinedAt: { type: 'string', required: true },
      lastReadMessageId: { type: 'string' },
      muted: { type: 'boolean', default: false },
      leftAt: { type: 'string' },
    },
    indexes: { byConversation: { pk: { field: 'pk', composite: ['conversationId'] }, sk: { field: 'sk', composite: ['userId'] } } },
  },
  entityConfig,
);

/** A message; its id sorts by time, so a history page is one Query newest first (M4, M7, M8). */
export const MessageEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatMessage', version: '1' },
    attributes: {
      conversationId: { type: 'string', required: true },
      messageId: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      /** Empty for a file alone, and once deleted. */
      text: { type: 'string', required: true },
      /** Its files (the attachment flow of posts, ADR 0014); gone with the message's deletion. */
      attachments: attachedFiles,
      clientMessageId: { type: 'string', required: true },
      editedAt: { type: 'string' },
      deletedAt: { type: 'string' },
    },
    indexes: { byConversation: { pk: { field: 'pk', composite: ['conversationId'] }, sk: { field: 'sk', composite: ['messageId'] } } },
  },
  entityConfig,
);

/** Written with its message, only if absent: the same client message id is stored once (M7). */
export const MessageClientKeyEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatClientKey', version: '1' },
    attributes: {
      conversationId: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      clientMessageId: { type: 'string', required: true },
      messageId: { type: 'string', required: true },
    },
    indexes: { byClientId: { pk: { field: 'pk', composite: ['conversationId', 'authorId', 'clientMessageId'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);

/** A person's entry for one conversation: by conversation (M6) and, on gsi1, newest first (the inbox, M5). */
export const InboxEntryEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatInboxEntry', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      conversationId: { type: 'string', required: true },
      kind: { type: ['direct', 'salon'] as const, required: true },
      title: { type: 'string', required: true },
      lastMessageAt: { type: 'string', required: true },
      unread: { type: 'number', default: 0 },
      muted: { type: 'boolean', default: false },
      lastMessageId: { type: 'string' },
      lastAuthorName: { type: 'string' },
      lastPreview: { type: 'string' },
      lastEdited: { type: 'boolean' },
      lastDeleted: { type: 'boolean' },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['conversationId'] } },
      inbox: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['userId'] }, sk: { field: 'gsi1sk', composite: ['lastMessageAt', 'conversationId'] } },
    },
  },
  entityConfig,
);

/** A person's unread total, for the badge (M5). */
export const InboxTotalsEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatInboxTotals', version: '1' },
    attributes: { userId: { type: 'string', required: true }, unread: { type: 'number', default: 0 } },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);

/** A person blocks another: messages stop both ways (M9). Not a space's block (S20). */
export const PersonBlockEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'personBlock', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      blockedId: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['blockedId'] } } },
  },
  entityConfig,
);

/** A one-minute, single-use WebSocket ticket, stored by its hash (M12). */
export const RealtimeTicketEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'realtimeTicket', version: '1' },
    attributes: {
      ticketHash: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byHash: { pk: { field: 'pk', composite: ['ticketHash'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);

/** A live connection: by person (push, M11) and, on gsi1, by id (`$disconnect`, a 410). TTL 2 h 10 min. */
export const RealtimeConnectionEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'realtimeConnection', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      connectionId: { type: 'string', required: true },
      connectedAt: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['connectionId'] } },
      byConnection: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['connectionId'] }, sk: { field: 'gsi1sk', composite: [] } },
    },
  },
  entityConfig,
);

/**
 * A message waiting to be mailed to someone who may be offline (M13, ADR 0029 § The offline mail):
 * one item per person, conversation and minute it falls due, in the partition of its hour, so the
 * sweep reads what is due with one Query per hour and nothing else. Messages of the same minute to the
 * same person and conversation make one item. Deleted once looked at; TTL two days in any case.
 */
export const ChatMailDueEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'chatMailDue', version: '1' },
    attributes: {
      /** `2026-12-03T14`: the hour it falls due. */
      dueHour: { type: 'string', required: true },
      /** `2026-12-03T14:07`. */
      dueMinute: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      conversationId: { type: 'string', required: true },
      /** The message that made it: read by then, nothing is mailed. */
      messageId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byHour: { pk: { field: 'pk', composite: ['dueHour'] }, sk: { field: 'sk', composite: ['dueMinute', 'userId', 'conversationId'] } } },
  },
  entityConfig,
);
