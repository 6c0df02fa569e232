import type { EntityItem } from 'electrodb';
import type * as z from 'zod';
import type { Comment, PostInput } from '../../contracts/social';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { mayComment, mayEditPost, mayModerateSpace, mayPostIn, mayReadSpace, requirePerson } from '../access/policy';
import { ConflictError, DomainError, NotFoundError } from '../errors';
import { isConditionFailure } from '../../shared/conditions';
import { moderates, newId, readablePost, shows } from './post-access';
import { CommentEntity, PostEntity, PostFollowerEntity, social } from './entities';
import { toPost, type PostDto, type PostItem } from './post-view';
import { embedOf, mediaEmbed, type Embed } from './embeds';
import { renderText, searchableText } from './formatting';
import { fetchLinkPreview, type LinkPreview } from './link-preview';
import { badCursor } from '../paging';
import { spendPreviewFetch } from './preview-quota';
import { mentionedNames } from './mentions';
import { spendSenderLimit } from './sender-limits';
import { displayName, isBlocked } from './spaces';
import { type SpaceType, resolveSpaceForRules, spaceKeyOf } from '../spaces/resolve';
import { again, retryOptimistic } from '../../shared/retry';

export { newId, readablePost } from './post-access';

export { toPost, type PostItem } from './post-view';
import { attachableFiles } from './attachable';

/** Each `@Prénom Nom` of a text may tell (and mail) someone: counted against the author's ceilings of mentions, before anything is written. */
const spendMentions = (userId: string, text: string) => spendSenderLimit('mention', userId, mentionedNames(text).length);

/** The first web address written in a text, if any (the composer has no field of its own for it). */
export function firstAddressIn(text: string): string | undefined {
  for (const [address] of text.matchAll(/\bhttps?:\/\/[^\s<>()"]{1,2048}/g)) {
    const trimmed = address.replace(/[.,;:!?»”’']+$/, '');
    if (URL.canParse(trimmed)) return trimmed;
  }
  return undefined;
}

/**
 * What a post shows of the first address in its text, when it names no link nor media itself: an
 * allowed provider's video or sound as a player, any other page with its preview — or nothing when
 * the preview cannot be had (a refused address, the person's quota spent): the post is never refused
 * for a link it only mentions.
 */
async function attachmentsOfText(text: string, userId: string): Promise<{ link?: LinkPreview; embed?: Embed }> {
  const address = firstAddressIn(text);
  if (!address) return {};
  const embed = mediaEmbed(address);
  if (embed) return { embed };
  try {
    return { link: await fetchLinkPreview(address, 'body.text', () => spendPreviewFetch(userId)) };
  } catch (error) {
    if (error instanceof DomainError && error.expose) return {};
    throw error;
  }
}

/** A link's preview alone (the composer's preview), within the person's quota of fetches per minute. */
export async function previewLink(caller: Caller, url: string) {
  const person = requirePerson(caller);
  return fetchLinkPreview(url, 'body.url', () => spendPreviewFetch(person.userId));
}

/** Publish: the rules of the space, the text made safe, the link's preview read by us, the media from an allowed provider. */
export async function createPost(caller: Caller, input: z.output<typeof PostInput>): Promise<PostDto> {
  const person = requirePerson(caller);
  const { resolved, space, facts } = await resolveSpaceForRules(caller, input.space, 'body.space.id');
  mayPostIn(caller, space, { ...facts, blocked: await isBlocked(space, person.userId) }, policyOptions);
  await spendMentions(person.userId, input.text);
  const named = input.media ? { embed: embedOf(input.media) } : {};
  const [me, found, attachments] = await Promise.all([
    callerItem(person),
    // A link asked for by name is previewed or refused; one only written in the text never refuses the post.
    input.link
      ? fetchLinkPreview(input.link, 'body.link', () => spendPreviewFetch(person.userId)).then((link) => ({ link }))
      : input.media
        ? {}
        : attachmentsOfText(input.text, person.userId),
    attachableFiles(person.userId, input.attachments ?? []),
  ]);
  const { link, embed } = { ...found, ...named } as { link?: LinkPreview; embed?: Embed };
  const at = new Date().toISOString();
  const post = {
    postId: newId(),
    spaceKey: spaceKeyOf(space),
    spaceType: space.type,
    spaceId: space.id,
    ...(space.type === 'section' && { spaceFederation: space.federationCode }),
    spaceName: resolved.name,
    authorId: person.userId,
    authorName: displayName(me!),
    text: input.text,
    html: renderText(input.text),
    searchText: searchableText(input.text),
    ...(link && { link }),
    ...(embed && { embed }),
    ...(attachments.length && { attachments }),
    createdAt: at,
    hidden: false,
    commentCount: 0,
  };
  // The author follows their own conversation; the stream then fans the post out (feed-fanout job).
  // Each file is claimed in the same transaction: checked and still unused, or nothing is written.
  const written = await social.transaction
    .write(({ post: p, postFollower, attachment }) => [
      p.create(post).commit(),
      postFollower.put({ postId: post.postId, userId: person.userId, at }).commit(),
      ...attachments.map(({ attachmentId }) =>
        attachment
          .patch({ attachmentId })
          .set({ state: 'attached', postId: post.postId })
          .remove(['expiresAt'])
          .where((attr, op) => `${op.eq(attr.state, 'ready')} AND ${op.eq(attr.ownerId, person.userId)}`)
          .commit(),
      ),
    ])
    .go();
  if (written.canceled) {
    throw new ConflictError('post.attachment-taken', [{ field: 'body.attachments', message: 'fichier déjà utilisé' }]);
  }
  return toPost(post as PostItem, caller);
}

/** One post, and whether the caller follows its conversation (S9 + S12: 1 GetItem more). */
export async function getPost(caller: Caller, postId: string): Promise<PostDto> {
  const person = requirePerson(caller);
  const [{ item }, { data: follower }] = await Promise.all([readablePost(caller, postId), PostFollowerEntity.get({ postId, userId: person.userId }).go()]);
  return { ...toPost(item, caller), following: Boolean(follower) };
}

/** A space's posts, newest first (S10: one Query page). */
export async function listSpacePosts(caller: Caller, ref: { type: SpaceType; id: string }, page: { cursor?: string; limit: number }) {
  const { space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  mayReadSpace(caller, space, facts);
  const moderator = moderates(caller, space, facts);
  const result = await PostEntity.query
    .bySpace({ spaceKey: spaceKeyOf(space) })
    .go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit })
    .catch(badCursor(page.cursor));
  return { items: result.data.filter((item) => shows(caller, item, moderator)).map((item) => toPost(item, caller)), nextCursor: result.cursor ?? null };
}

export async function editPost(caller: Caller, postId: string, text: string): Promise<PostDto> {
  const { item } = await readablePost(caller, postId);
  mayEditPost(caller, item.authorId);
  const { data } = await PostEntity.patch({ postId })
    .set({ text, html: renderText(text, item.mentions ?? []), searchText: searchableText(text), editedAt: new Date().toISOString() })
    .go({ response: 'all_new' });
  return toPost(data as PostItem, caller);
}

/** The author deletes; feed items pointing at it are skipped when read (and expire). */
export async function deletePost(caller: Caller, postId: string): Promise<void> {
  const { item } = await readablePost(caller, postId);
  mayEditPost(caller, item.authorId);
  await PostEntity.delete({ postId }).go();
}

/** Moderators of the space hide a post: gone for everyone but its author and them. */
export async function hidePost(caller: Caller, postId: string): Promise<PostDto> {
  const { item, space, facts } = await readablePost(caller, postId);
  mayModerateSpace(caller, space, facts, policyOptions);
  const person = requirePerson(caller);
  const { data } = await PostEntity.patch({ postId }).set({ hidden: true, hiddenBy: person.userId }).go({ response: 'all_new' });
  return toPost({ ...item, ...(data as Partial<PostItem>) } as PostItem, caller);
}

type CommentDto = z.input<typeof Comment>;
const toComment = (c: EntityItem<typeof CommentEntity>, caller: Caller): CommentDto => ({
  id: c.commentId,
  postId: c.postId,
  ...(c.parentId && { parentId: c.parentId }),
  author: { userId: c.authorId, displayName: c.authorName },
  html: c.html,
  ...(caller.kind === 'person' && caller.userId === c.authorId && { text: c.text }),
  createdAt: c.createdAt,
  ...(c.editedAt && { editedAt: c.editedAt }),
});

/** A post's comments in order (S11: one Query page). */
export async function listComments(caller: Caller, postId: string, page: { cursor?: string; limit: number }) {
  const { moderator } = await readablePost(caller, postId);
  const result = await CommentEntity.query.byPost({ postId }).go({ cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  return { items: result.data.filter((c) => shows(caller, c, moderator)).map((c) => toComment(c, caller)), nextCursor: result.cursor ?? null };
}

/**
 * Comment (or answer a comment: one level, so answering a reply answers its comment), counted on the
 * post, and follow the conversation — one transaction. The stream tells the followers, and the
 * answered comment's author.
 */
export async function addComment(caller: Caller, postId: string, input: { text: string; parentId?: string }): Promise<CommentDto> {
  const person = requirePerson(caller);
  const { text } = input;
  const { space, facts, moderator } = await readablePost(caller, postId);
  mayComment(caller, space, { ...facts, blocked: await isBlocked(space, person.userId) });
  const parent = input.parentId ? await commentOf(caller, postId, input.parentId, moderator, 'body.parentId') : undefined;
  await spendMentions(person.userId, text);
  const me = (await callerItem(person))!;
  const comment = {
    postId,
    commentId: newId(),
    createdAt: new Date().toISOString(),
    authorId: person.userId,
    authorName: displayName(me),
    text,
    html: renderText(text),
    hidden: false,
    ...(parent && { parentId: parent.parentId ?? parent.commentId }),
  };
  const written = await social.transaction
    .write(({ comment: c, post, postFollower }) => [
      c.create(comment).commit(),
      post
        .patch({ postId })
        .add({ commentCount: 1 })
        .set({ lastComment: copyOf(comment) })
        .commit(),
      postFollower.put({ postId, userId: person.userId, at: comment.createdAt }).commit(),
    ])
    .go();
  if (written.canceled) throw new NotFoundError('post.not-found', 'params.postId');
  return toComment(comment as EntityItem<typeof CommentEntity>, caller);
}

/** Follow or stop following a conversation one may read (S12). */
export async function setFollowing(caller: Caller, postId: string, following: boolean) {
  const person = requirePerson(caller);
  await readablePost(caller, postId);
  if (following) await PostFollowerEntity.put({ postId, userId: person.userId, at: new Date().toISOString() }).go();
  else await PostFollowerEntity.delete({ postId, userId: person.userId }).go();
  return { following };
}

/** One comment of a post, as the caller may see it, or a 404 on `field` (a filtered Query of the post's comments: ids carry no date). */
async function commentOf(caller: Caller, postId: string, commentId: string, moderator: boolean, field: string): Promise<CommentItem> {
  const { data } = await CommentEntity.query.byPost({ postId }).where((attr, op) => op.eq(attr.commentId, commentId)).go({ pages: 'all' });
  const comment = data[0];
  if (!comment || !shows(caller, comment, moderator)) throw new NotFoundError('comment.not-found', field);
  return comment;
}

/** One comment of a post the caller may read. */
async function readableComment(caller: Caller, postId: string, commentId: string) {
  const context = await readablePost(caller, postId);
  return { ...context, comment: await commentOf(caller, postId, commentId, context.moderator, 'params.commentId') };
}

/**
 * Authors edit their own comments. The post's copy of its newest comment follows (conditioned on
 * still being a copy of this one: a newer comment meanwhile is the copy); notifications that quote
 * it show the new words (`quotesAmong`), the feed reads the post.
 */
export async function editComment(caller: Caller, postId: string, commentId: string, text: string): Promise<CommentDto> {
  const { comment, item: post } = await readableComment(caller, postId, commentId);
  mayEditPost(caller, comment.authorId);
  const editedAt = new Date().toISOString();
  const html = renderText(text, comment.mentions ?? []);
  const { data } = await CommentEntity.patch({ postId, createdAt: comment.createdAt, commentId })
    .set({ text, html, editedAt })
    .go({ response: 'all_new' });
  if (isCopyOf(post, comment)) {
    await PostEntity.patch({ postId })
      .set({ lastComment: copyOf({ ...comment, html }) })
      .where((attr, op) => op.eq(attr.lastComment.commentId, commentId))
      .go()
      .catch((error: Error) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
  return toComment({ ...comment, ...(data as Partial<CommentItem>) } as CommentItem, caller);
}

/** Moderators of the post's space hide a comment: gone for everyone but its author and them — its copy on the post too. */
export async function hideComment(caller: Caller, postId: string, commentId: string): Promise<CommentDto> {
  const { comment, space, facts } = await readableComment(caller, postId, commentId);
  mayModerateSpace(caller, space, facts, policyOptions);
  await withdrawComment(comment, 'hide');
  return toComment(comment, caller);
}

/** Authors delete their own comments (the post's count and its copy of the newest comment follow). */
export async function deleteComment(caller: Caller, postId: string, commentId: string): Promise<void> {
  const { comment } = await readableComment(caller, postId, commentId);
  mayEditPost(caller, comment.authorId);
  await withdrawComment(comment, 'delete');
}

type CommentItem = EntityItem<typeof CommentEntity>;
const copyOf = (c: Pick<CommentItem, 'commentId' | 'authorName' | 'html' | 'createdAt'>) => ({ commentId: c.commentId, authorName: c.authorName, html: c.html, createdAt: c.createdAt });

/** Whether the post's copy of its newest comment is this comment (copies made before ids were kept: by date and author). */
const isCopyOf = (post: PostItem, c: CommentItem) =>
  Boolean(post.lastComment) &&
  (post.lastComment!.commentId ? post.lastComment!.commentId === c.commentId : post.lastComment!.createdAt === c.createdAt && post.lastComment!.authorName === c.authorName);

/** The newest comment shown to everyone but `exceptId`, read newest first a few at a time (bounded by one conversation, like S11b). */
async function newestShownComment(postId: string, exceptId: string): Promise<CommentItem | undefined> {
  let cursor: string | null = null;
  do {
    const page: { data: CommentItem[]; cursor: string | null } = await CommentEntity.query.byPost({ postId }).go({ order: 'desc', limit: 25, cursor });
    const found = page.data.find((c) => !c.hidden && c.commentId !== exceptId);
    if (found) return found;
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}

/**
 * Hides or deletes a comment and, when the post's `lastComment` is a copy of it, replaces that copy
 * by the newest comment still shown (or none) — one transaction, conditioned on the post's count of
 * comments, so a comment added meanwhile is never overwritten (then read again and retried).
 * S9 consistent GetItem + 1 Query page (newest shown comment, only when the copy is this one; more pages
 * only past 25 hidden ones) + 1 TransactWriteItems.
 */
async function withdrawComment(comment: CommentItem, change: 'hide' | 'delete'): Promise<void> {
  const key = { postId: comment.postId, createdAt: comment.createdAt, commentId: comment.commentId };
  return retryOptimistic({ attempts: 3, exhausted: new ConflictError('post.conversation-changed') }, async () => {
    const { data: post } = await PostEntity.get({ postId: comment.postId }).go({ consistent: true });
    if (!post) {
      await (change === 'hide' ? CommentEntity.patch(key).set({ hidden: true }).go() : CommentEntity.delete(key).go());
      return;
    }
    const copied = isCopyOf(post, comment);
    const next = copied ? await newestShownComment(comment.postId, comment.commentId) : undefined;
    const result = await social.transaction
      .write(({ comment: c, post: p }) => {
        const unchanged = (attr: { commentCount: number }, op: { eq: (a: number, v: number) => string }) => op.eq(attr.commentCount, post.commentCount);
        const counted = p.patch({ postId: comment.postId }).add({ commentCount: change === 'delete' ? -1 : 0 });
        const postChange =
          copied && !next ? counted.remove(['lastComment']).where(unchanged).commit() : counted.set(copied && next ? { lastComment: copyOf(next) } : {}).where(unchanged).commit();
        return [
          change === 'hide' ? c.patch(key).set({ hidden: true }).commit() : c.delete(key).commit(),
          ...(change === 'delete' || copied ? [postChange] : []),
        ];
      })
      .go();
    return result.canceled ? again : undefined;
  });
}
