import type { EntityItem } from 'electrodb';
import type * as z from 'zod';
import type { Post } from '../../contracts/social';
import type { Caller } from '../access/caller';
import { toAttachment } from './attachment-view';
import type { PostEntity } from './entities';

/** A stored post as the API shows it (posts, the feed, search): apart, so that search loads nothing of publishing. */
export type PostItem = EntityItem<typeof PostEntity>;
export type PostDto = z.input<typeof Post>;

export function toPost(item: PostItem, caller: Caller): PostDto {
  const mine = caller.kind === 'person' && caller.userId === item.authorId;
  return {
    id: item.postId,
    space: { type: item.spaceType, id: item.spaceId },
    ...(item.spaceName && { spaceName: item.spaceName }),
    author: { userId: item.authorId, displayName: item.authorName },
    html: item.html,
    ...(mine && { text: item.text }),
    ...(item.link && { link: item.link }),
    ...(item.embed && { embed: item.embed }),
    ...(item.attachments?.length && { attachments: item.attachments.map(toAttachment) }),
    createdAt: item.createdAt,
    editedAt: item.editedAt,
    hidden: item.hidden,
    commentCount: item.commentCount,
    ...(item.lastComment && { lastComment: { authorName: item.lastComment.authorName, html: item.lastComment.html, createdAt: item.lastComment.createdAt } }),
  };
}

