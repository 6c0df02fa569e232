import { randomBytes } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import type * as z from 'zod';
import type { Comment, Post, PostInput } from '../../contracts/social';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { canReadSpace, mayComment, mayEditPost, mayModerateSpace, mayPostIn, mayReadSpace, requirePerson, type Space, type SpaceFacts } from '../access/policy';
import { NotFoundError } from '../errors';
import { CommentEntity, PostEntity, PostFollowerEntity, social } from './entities';
import { embedOf } from './embeds';
import { renderText, searchableText } from './formatting';
import { fetchLinkPreview } from './link-preview';
import { badCursor } from './paging';
import { displayName, factsIn, isBlocked, resolveSpace, spaceKeyOf, spaceOfPost, type SpaceType } from './spaces';

export type PostItem = EntityItem<typeof PostEntity>;
type PostDto = z.input<typeof Post>;

/** 20 base-36 characters, random: ids that say nothing and cannot be guessed. */
export const newId = () => BigInt(`0x${randomBytes(13).toString('hex')}`).toString(36).padStart(20, '0').slice(-20);

export function toPost(item: PostItem, caller: Caller): PostDto {
  const mine = caller.kind === 'person' && caller.userId === item.authorId;
  return {
    id: item.postId,
    space: { type: item.spaceType, id: item.spaceId },
    author: { userId: item.authorId, displayName: item.authorName },
    html: item.html,
    ...(mine && { text: item.text }),
    ...(item.link && { link: item.link }),
    ...(item.embed && { embed: item.embed }),
    createdAt: item.createdAt,
    editedAt: item.editedAt,
    hidden: item.hidden,
    commentCount: item.commentCount,
    ...(item.lastComment && { lastComment: item.lastComment }),
  };
}

/** Whether the caller moderates a space (no error: a yes/no for what to show). */
function moderates(caller: Caller, space: Space, facts: SpaceFacts): boolean {
  try {
    mayModerateSpace(caller, space, facts, policyOptions);
    return true;
  } catch {
    return false;
  }
}

/** Hidden content is shown to its author and the space's moderators only. */
const shows = (caller: Caller, item: { hidden: boolean; authorId: string }, moderator: boolean) =>
  !item.hidden || moderator || (caller.kind === 'person' && caller.userId === item.authorId);


/** Publish: the rules of the space, the text made safe, the link's preview read by us, the media from an allowed provider. */
export async function createPost(caller: Caller, input: z.output<typeof PostInput>): Promise<PostDto> {
  const person = requirePerson(caller);
  const { space, facts } = await resolveSpace(caller, input.space);
  mayPostIn(caller, space, { ...facts, blocked: await isBlocked(space, person.userId) }, policyOptions);
  const embed = input.media ? embedOf(input.media) : undefined;
  const [me, link] = await Promise.all([callerItem(person), input.link ? fetchLinkPreview(input.link, 'body.link') : undefined]);
  const at = new Date().toISOString();
  const post = {
    postId: newId(),
    spaceKey: spaceKeyOf(space),
    spaceType: space.type,
    spaceId: space.id,
    ...(space.type === 'section' && { spaceFederation: space.federationCode }),
    authorId: person.userId,
    authorName: displayName(me!),
    text: input.text,
    html: renderText(input.text),
    searchText: searchableText(input.text),
    ...(link && { link }),
    ...(embed && { embed }),
    createdAt: at,
    hidden: false,
    commentCount: 0,
  };
  // The author follows their own conversation; the stream then fans the post out (feed-fanout job).
  await social.transaction
    .write(({ post: p, postFollower }) => [p.create(post).commit(), postFollower.put({ postId: post.postId, userId: person.userId, at }).commit()])
    .go();
  return toPost(post as PostItem, caller);
}

/** A post the caller may read, with its space and the caller's facts there; a 404 for anyone else. */
export async function readablePost(caller: Caller, postId: string) {
  requirePerson(caller);
  const { data: item } = await PostEntity.get({ postId }).go();
  if (!item) throw new NotFoundError('Publication', 'params.postId');
  const space = spaceOfPost(item);
  const facts = await factsIn(caller, space);
  if (!canReadSpace(caller, space, facts)) throw new NotFoundError('Publication', 'params.postId');
  const moderator = moderates(caller, space, facts);
  if (!shows(caller, item, moderator)) throw new NotFoundError('Publication', 'params.postId');
  return { item, space, facts, moderator };
}

export async function getPost(caller: Caller, postId: string): Promise<PostDto> {
  return toPost((await readablePost(caller, postId)).item, caller);
}

/** A space's posts, newest first (S10: one Query page). */
export async function listSpacePosts(caller: Caller, ref: { type: SpaceType; id: string }, page: { cursor?: string; limit: number }) {
  const { space, facts } = await resolveSpace(caller, ref, 'params.space');
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
    .set({ text, html: renderText(text), searchText: searchableText(text), editedAt: new Date().toISOString() })
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
const toComment = (c: EntityItem<typeof CommentEntity>): CommentDto => ({
  id: c.commentId,
  postId: c.postId,
  author: { userId: c.authorId, displayName: c.authorName },
  html: c.html,
  createdAt: c.createdAt,
});

/** A post's comments in order (S11: one Query page). */
export async function listComments(caller: Caller, postId: string, page: { cursor?: string; limit: number }) {
  const { moderator } = await readablePost(caller, postId);
  const result = await CommentEntity.query.byPost({ postId }).go({ cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  return { items: result.data.filter((c) => shows(caller, c, moderator)).map(toComment), nextCursor: result.cursor ?? null };
}

/** Comment, counted on the post, and follow the conversation — one transaction. The stream tells the followers. */
export async function addComment(caller: Caller, postId: string, text: string): Promise<CommentDto> {
  const person = requirePerson(caller);
  const { space, facts } = await readablePost(caller, postId);
  mayComment(caller, space, { ...facts, blocked: await isBlocked(space, person.userId) });
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
  };
  const written = await social.transaction
    .write(({ comment: c, post, postFollower }) => [
      c.create(comment).commit(),
      post
        .patch({ postId })
        .add({ commentCount: 1 })
        .set({ lastComment: { authorName: comment.authorName, html: comment.html, createdAt: comment.createdAt } })
        .commit(),
      postFollower.put({ postId, userId: person.userId, at: comment.createdAt }).commit(),
    ])
    .go();
  if (written.canceled) throw new NotFoundError('Publication', 'params.postId');
  return toComment(comment as EntityItem<typeof CommentEntity>);
}

/** Follow or stop following a conversation one may read (S12). */
export async function setFollowing(caller: Caller, postId: string, following: boolean) {
  const person = requirePerson(caller);
  await readablePost(caller, postId);
  if (following) await PostFollowerEntity.put({ postId, userId: person.userId, at: new Date().toISOString() }).go();
  else await PostFollowerEntity.delete({ postId, userId: person.userId }).go();
  return { following };
}

/** One comment of a post the caller may read (a filtered Query of the post's comments: ids carry no date). */
async function readableComment(caller: Caller, postId: string, commentId: string) {
  const context = await readablePost(caller, postId);
  const { data } = await CommentEntity.query.byPost({ postId }).where((attr, op) => op.eq(attr.commentId, commentId)).go({ pages: 'all' });
  const comment = data[0];
  if (!comment || !shows(caller, comment, context.moderator)) throw new NotFoundError('Commentaire', 'params.commentId');
  return { ...context, comment };
}

/** Moderators of the post's space hide a comment: gone for everyone but its author and them. */
export async function hideComment(caller: Caller, postId: string, commentId: string): Promise<CommentDto> {
  const { comment, space, facts } = await readableComment(caller, postId, commentId);
  mayModerateSpace(caller, space, facts, policyOptions);
  await CommentEntity.patch({ postId, createdAt: comment.createdAt, commentId }).set({ hidden: true }).go();
  return toComment(comment);
}

/** Authors delete their own comments (the post's count follows). */
export async function deleteComment(caller: Caller, postId: string, commentId: string): Promise<void> {
  const { comment } = await readableComment(caller, postId, commentId);
  mayEditPost(caller, comment.authorId);
  await social.transaction
    .write(({ comment: c, post }) => [c.delete({ postId, createdAt: comment.createdAt, commentId }).commit(), post.patch({ postId }).add({ commentCount: -1 }).commit()])
    .go();
}
