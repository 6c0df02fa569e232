import type { Caller } from '../access/caller';
import type { GroupStanding, Space, SpaceFacts } from '../access/policy';
import { NotFoundError, ValidationError } from '../errors';
import { PersonEntity } from '../people/entities';
import { getFederation, getSection } from '../territory/service';
import { FriendshipEntity, GroupEntity, GroupMemberEntity, SpaceBlockEntity } from './entities';

export type SpaceType = Space['type'];

/** `section:mulhouse`, `group:…`: the partition of a space's posts (S10). */
export const spaceKeyOf = (space: { type: string; id: string }) => `${space.type}:${space.id}`;

/** A person's standing in a group (S3: one GetItem, strongly consistent). */
export async function groupStanding(groupId: string, userId: string): Promise<GroupStanding> {
  const { data } = await GroupMemberEntity.get({ groupId, userId }).go({ consistent: true });
  return data ? { state: data.state, role: data.role } : undefined;
}

/** Whether two people are friends (S7: one GetItem). */
export async function areFriends(userId: string, otherId: string): Promise<boolean> {
  if (userId === otherId) return false;
  const { data } = await FriendshipEntity.get({ userId, friendId: otherId }).go();
  return data?.state === 'friends';
}

/**
 * The space a post names, as the rules see it, and the caller's facts in it. A space that does not
 * exist — or a group the caller may not know of — is a 404, the same for both.
 */
export async function resolveSpace(caller: Caller, ref: { type: SpaceType; id: string }, field = 'body.space'): Promise<{ space: Space; facts: SpaceFacts }> {
  const userId = caller.kind === 'person' ? caller.userId : undefined;
  switch (ref.type) {
    case 'section': {
      const section = await getSection(ref.id).catch(() => {
        throw new NotFoundError('Section', `${field}.id`);
      });
      return { space: { type: 'section', id: ref.id, federationCode: section.federationCode }, facts: {} };
    }
    case 'federation':
      await getFederation(ref.id).catch(() => {
        throw new NotFoundError('Fédération', `${field}.id`);
      });
      return { space: { type: 'federation', id: ref.id }, facts: {} };
    case 'group': {
      const [group, standing] = await Promise.all([GroupEntity.get({ groupId: ref.id }).go(), userId ? groupStanding(ref.id, userId) : undefined]);
      if (!group.data || (group.data.kind === 'secret' && !standing)) throw new NotFoundError('Groupe', `${field}.id`);
      return { space: { type: 'group', id: ref.id }, facts: { group: standing } };
    }
    case 'profile': {
      const [owner, friends] = await Promise.all([PersonEntity.get({ userId: ref.id }).go(), userId ? areFriends(userId, ref.id) : false]);
      if (!owner.data) throw new NotFoundError('Personne', `${field}.id`);
      return { space: { type: 'profile', id: ref.id }, facts: { friends } };
    }
    case 'national':
      if (ref.id !== 'national') throw new ValidationError([{ field: `${field}.id`, message: 'l’espace national s’appelle « national »' }]);
      return { space: { type: 'national', id: 'national' }, facts: {} };
  }
}

/** The space of a stored post, without reading its section again (the post keeps its federation). */
export function spaceOfPost(post: { spaceType: SpaceType; spaceId: string; spaceFederation?: string }): Space {
  if (post.spaceType === 'section') return { type: 'section', id: post.spaceId, federationCode: post.spaceFederation ?? '' };
  if (post.spaceType === 'national') return { type: 'national', id: 'national' };
  return { type: post.spaceType, id: post.spaceId } as Space;
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
