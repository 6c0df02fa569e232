import type { EntityItem } from 'electrodb';
import type { SpaceType } from '../spaces/resolve';
import { toAttachment } from './attachment-view';
import type { ReportEntity } from './entities';

/** A report as the API shows it (ContentReport): a post's or a comment's, or a message's with the message alone. */
export const toReport = (r: EntityItem<typeof ReportEntity>) => ({
  id: r.reportId,
  postId: r.postId,
  commentId: r.commentId,
  ...(r.messageId && {
    message: {
      conversationId: r.conversationId ?? '',
      id: r.messageId,
      authorId: r.messageAuthorId ?? null,
      authorName: r.messageAuthorName ?? '',
      text: r.messageHidden ? '' : (r.messageText ?? ''),
      attachments: r.messageHidden ? [] : (r.messageAttachments ?? []).map(toAttachment),
      sentAt: r.messageAt ?? r.at,
      hidden: Boolean(r.messageHidden),
    },
  }),
  reason: r.reason,
  at: r.at,
  escalated: Boolean(r.escalated),
  space: { type: r.spaceKey.split(':')[0] as SpaceType, id: r.spaceKey.slice(r.spaceKey.indexOf(':') + 1) },
});
