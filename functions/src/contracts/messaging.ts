import * as z from 'zod';
import { pageOf, proseText, UserId } from './common';
import { Attachment, AttachmentId } from './social';
import { SpaceId } from './spaces';

// Live messaging (issue 15, ADR 0029): one-to-one, up to 50 people, a space's salon. Not the comment
// « conversations » of ADR 0022, whose contracts are in social.ts. The paths are /api/conversations….

/** `d.` + hash of the sorted people (a direct conversation) or `s.` + the space's key (a salon). */
export const ConversationId = z.string().regex(/^(d\.[A-Za-z0-9_-]{22}|s\.[a-z]+:[A-Za-z0-9_-]{1,64})$/, 'identifiant de conversation');
/** Send time in ms, base 36 on 9 characters, then 6 random characters: sorts by time. */
export const MessageId = z.string().regex(/^[0-9a-z]{9}\.[0-9a-f]{6}$/, 'identifiant de message');
/** Chosen by the client before sending, so a message retried after a dropped connection is stored once. */
export const ClientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'identifiant de message du client (8 à 64 lettres, chiffres, - ou _)');

export const maxMessageLength = 4000;
/** The creator and at most 49 others. */
export const maxOtherParticipants = 49;
/** Files in one message, uploaded as a post's are (POST /api/attachments, then …/confirm). */
export const maxMessageAttachments = 4;


export const StartConversationInput = z
  .object({ participantIds: z.array(UserId).min(1, 'au moins une personne').max(maxOtherParticipants, `au plus ${maxOtherParticipants} autres personnes`) })
  .meta({ id: 'StartConversationInput' });

export const MessageText = proseText({ min: 1, max: maxMessageLength });
export const SendMessageInput = z
  .object({
    /** May be empty when the message is only files. */
    text: proseText({ max: maxMessageLength }).default(''),
    clientMessageId: ClientMessageId,
    attachments: z.array(AttachmentId).max(maxMessageAttachments, `au plus ${maxMessageAttachments} fichiers`).default([]),
  })
  .refine((m) => m.text.length > 0 || m.attachments.length > 0, { path: ['text'], message: 'écrivez un message ou joignez un fichier' })
  .meta({ id: 'SendMessageInput' });
export const EditMessageInput = z.object({ text: MessageText }).meta({ id: 'EditMessageInput' });
export const ReadInput = z.object({ lastReadMessageId: MessageId }).meta({ id: 'ReadInput' });
export const MuteInput = z.object({ muted: z.boolean() }).meta({ id: 'MuteInput' });

/** The people I blocked (« Personnes bloquées »). */
export const BlockList = z
  .object({ items: z.array(z.object({ userId: UserId, displayName: z.string(), since: z.string() })) })
  .meta({ id: 'BlockList' });

export const ChatParticipant = z.object({ userId: UserId, displayName: z.string(), left: z.boolean() }).meta({ id: 'ChatParticipant' });

export const ChatMessage = z
  .object({
    id: MessageId,
    conversationId: ConversationId,
    authorId: UserId.nullable().describe('null: compte supprimé'),
    authorName: z.string(),
    /** Empty once deleted, and for a file alone. */
    text: z.string(),
    /** Downloaded through GET /api/attachments/{id}/link, by the conversation's participants; none once deleted. */
    attachments: z.array(Attachment),
    sentAt: z.string(),
    editedAt: z.string().nullable(),
    deleted: z.boolean(),
    clientMessageId: ClientMessageId.nullable().describe('given back to its author only'),
  })
  .meta({ id: 'ChatMessage' });
export const ChatMessagePage = pageOf(ChatMessage, 'ChatMessagePage');

export const InboxEntry = z
  .object({
    conversationId: ConversationId,
    kind: z.enum(['direct', 'salon']),
    title: z.string(),
    unread: z.number().int().min(0),
    muted: z.boolean(),
    lastMessage: z
      .object({ id: MessageId, authorName: z.string(), preview: z.string(), at: z.string(), edited: z.boolean(), deleted: z.boolean() })
      .nullable(),
  })
  .meta({ id: 'InboxEntry' });
export const Inbox = pageOf(InboxEntry, 'Inbox');

/** The spaces that may have a salon: a section, a thematic group. */
export const SalonSpaceType = z.enum(['section', 'group']);
export const SalonParams = z.object({ spaceType: SalonSpaceType, spaceId: SpaceId });
export const SalonOpenInput = z.object({ open: z.boolean() }).meta({ id: 'SalonOpenInput' });

/** A space's salon as one of its people sees it (the space's page). */
export const SalonState = z
  .object({
    conversationId: ConversationId,
    title: z.string(),
    /** Opened by those who run the space, and not closed since. */
    open: z.boolean(),
    /** The caller is in it (and gets its messages). */
    joined: z.boolean(),
    participantCount: z.number().int().min(0),
    /** The caller runs the space: may open and close it. */
    mayManage: z.boolean(),
  })
  .meta({ id: 'SalonState' });

export const ChatConversation = z
  .object({
    id: ConversationId,
    kind: z.enum(['direct', 'salon']),
    /** A salon's participants are many: this list is empty for one, its space named in `salon`. */
    participants: z.array(ChatParticipant),
    muted: z.boolean(),
    lastReadMessageId: MessageId.nullable(),
    salon: z.object({ spaceType: SalonSpaceType, spaceId: SpaceId, title: z.string(), open: z.boolean(), participantCount: z.number().int().min(0) }).nullable(),
  })
  .meta({ id: 'ChatConversation' });

/** The unread messages of all my conversations, muted ones left out (the badge). */
export const UnreadTotal = z.object({ total: z.number().int().min(0) }).meta({ id: 'UnreadTotal' });

/** A one-minute, single-use ticket for the WebSocket (`?ticket=`): the Cognito token never goes in a URL. */
export const RealtimeTicket = z.object({ ticket: z.string(), url: z.string(), expiresAt: z.string() }).meta({ id: 'RealtimeTicket' });

/** What the live channel pushes (one JSON text frame each). */
export const RealtimeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: ChatMessage }),
  z.object({ type: z.literal('message-changed'), message: ChatMessage }),
  z.object({ type: z.literal('read'), conversationId: ConversationId, userId: UserId, lastReadMessageId: MessageId }),
  z.object({ type: z.literal('unread'), total: z.number().int().min(0) }),
  /** The bell's count changed (a notification came, or was read in another tab). */
  z.object({ type: z.literal('notifications'), unread: z.number().int().min(0) }),
  z.object({ type: z.literal('pong') }),
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;
