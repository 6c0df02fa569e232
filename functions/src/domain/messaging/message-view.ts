import type { z } from 'zod';
import type { ChatMessage } from '../../contracts/messaging';
import { toAttachment } from '../social/attachment-view';
import { messageInstant } from './ids';

/** A message as the table holds it (and the stream carries it: the item ElectroDB wrote). */
export interface StoredMessage {
  conversationId: string;
  messageId: string;
  authorId: string;
  authorName: string;
  text: string;
  attachments?: { attachmentId: string; name: string; contentType: string; size: number; alt?: string }[];
  clientMessageId: string;
  editedAt?: string;
  deletedAt?: string;
}

/**
 * A message as a participant sees it, from the history page or the live channel alike: a deleted
 * one keeps its place with no words and no files; the client id goes back to its author only.
 */
export function messageView(message: StoredMessage, forAuthor: boolean): z.input<typeof ChatMessage> {
  const deleted = Boolean(message.deletedAt);
  return {
    id: message.messageId,
    conversationId: message.conversationId,
    authorId: message.authorId,
    authorName: message.authorName,
    text: deleted ? '' : message.text,
    attachments: deleted ? [] : (message.attachments ?? []).map(toAttachment),
    sentAt: messageInstant(message.messageId).toISOString(),
    editedAt: message.editedAt ?? null,
    deleted,
    clientMessageId: forAuthor ? message.clientMessageId : null,
  };
}
