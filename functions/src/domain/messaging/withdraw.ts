import { Service } from 'electrodb';
import { AttachmentEntity } from '../social/entities';
import { MessageEntity } from './entities';
import type { StoredMessage } from './message-view';

const withdrawal = new Service({ message: MessageEntity, attachment: AttachmentEntity });

/**
 * A message deleted by its author or withdrawn by moderators keeps its place as « Message supprimé »:
 * its words and its files leave the table in one transaction. A file's record gone, the
 * `attachment-cleanup` job takes its object out of the bucket; the stream job `messaging-fanout` tells
 * the open tabs and rewrites the inbox previews that showed it.
 */
export async function withdrawMessage(message: StoredMessage): Promise<string> {
  const deletedAt = new Date().toISOString();
  const { conversationId, messageId } = message;
  await withdrawal.transaction
    .write(({ message: stored, attachment }) => [
      stored.patch({ conversationId, messageId }).set({ text: '', deletedAt }).remove(['attachments']).commit(),
      ...(message.attachments ?? []).map(({ attachmentId }) => attachment.delete({ attachmentId }).commit()),
    ])
    .go();
  return deletedAt;
}
