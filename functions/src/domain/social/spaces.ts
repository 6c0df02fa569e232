import type { Caller } from '../access/caller';
import type { Space, SpaceFacts } from '../access/policy';
import { areFriends, groupStanding, spaceKeyOf, type SpaceType } from '../spaces/resolve';
import { SpaceBlockEntity } from './entities';


/** The space of a stored post, without reading its section again (the post keeps its federation). */
export function spaceOfPost(post: { spaceType: SpaceType; spaceId: string; spaceFederation?: string }): Space {
  return post.spaceType === 'section' ? { type: 'section', id: post.spaceId, federationCode: post.spaceFederation } : { type: post.spaceType, id: post.spaceId };
}

/** The caller's facts in a stored post's space (1 GetItem for groups and profiles, none otherwise). */
export async function factsIn(caller: Caller, space: Space): Promise<SpaceFacts> {
  if (caller.kind !== 'person') return {};
  if (space.type === 'group') return { group: await groupStanding(space.id, caller.userId) };
  if (space.type === 'profile') return { friends: await areFriends(caller.userId, space.id) };
  return {};
}

/** Whether the space's moderators blocked this person from posting there (S20: one GetItem). */
export async function isBlocked(space: Space, userId: string): Promise<boolean> {
  return Boolean((await SpaceBlockEntity.get({ spaceKey: spaceKeyOf(space), userId }).go()).data);
}

export const displayName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;
