import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { canReadSpace, mayModerateSpace, requirePerson, type Space, type SpaceFacts } from '../access/policy';
import { NotFoundError } from '../errors';
import { PostEntity } from './entities';
import { factsIn, spaceOfPost } from './spaces';

/**
 * Who may read a post — kept apart from publishing (Markdown, link previews) so that the
 * attachments Lambda asks the very same question without carrying the posts Lambda's code.
 */

/** 20 base-36 characters, random: ids that say nothing and cannot be guessed. */
export { newId } from './new-id';

/** Whether the caller moderates a space (no error: a yes/no for what to show). */
export function moderates(caller: Caller, space: Space, facts: SpaceFacts): boolean {
  try {
    mayModerateSpace(caller, space, facts, policyOptions);
    return true;
  } catch {
    return false;
  }
}

/** Hidden content is shown to its author and the space's moderators only. */
export const shows = (caller: Caller, item: { hidden: boolean; authorId: string }, moderator: boolean) =>
  !item.hidden || moderator || (caller.kind === 'person' && caller.userId === item.authorId);

/** A post the caller may read, with its space and the caller's facts there; a 404 for anyone else. */
export async function readablePost(caller: Caller, postId: string) {
  requirePerson(caller);
  const { data: item } = await PostEntity.get({ postId }).go();
  if (!item) throw new NotFoundError('post.not-found', 'params.postId');
  const space = spaceOfPost(item);
  const facts = await factsIn(caller, space);
  if (!canReadSpace(caller, space, facts)) throw new NotFoundError('post.not-found', 'params.postId');
  const moderator = moderates(caller, space, facts);
  if (!shows(caller, item, moderator)) throw new NotFoundError('post.not-found', 'params.postId');
  return { item, space, facts, moderator };
}
