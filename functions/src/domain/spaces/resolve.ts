import type { PartySpaceType, SpaceRef, SpaceType } from '../../contracts/spaces';
import type { Caller } from '../access/caller';
import { mayDiscoverGroup, type GroupStanding, type Space, type SpaceFacts } from '../access/policy';
import { NotFoundError } from '../errors';
import { PersonEntity } from '../people/entities';
import { FriendshipEntity, GroupEntity, GroupMemberEntity } from '../social/entities';
import { getFederation, getSection } from '../territory/service';

/**
 * The one model of a space (ADR 0017): the national level, a federation, a section, a thematic group,
 * a person's profile. Posts, events, reports and what comes next all hang off a `SpaceRef`, are keyed
 * by `spaceKeyOf`, and are resolved here — where the one discoverability rule is applied: a space the
 * caller may not discover (it does not exist, a secret group they are not in, a members-only group
 * for a supporter) is a 404 on the field that named it, the same for all.
 */
export type { PartySpaceType, SpaceRef, SpaceType };

export { spaceKeyOf } from './keys';

/** A space as the features need it: where it sits in the party, its name, and the caller's standing in it. */
export interface ResolvedSpace {
  type: SpaceType;
  id: string;
  name: string;
  /** « Section Mulhouse », « Fédération du Haut-Rhin », « Groupe Santé » — a mail subject's prefix. */
  label: string;
  sectionId?: string;
  federationCode?: string;
  regionCode?: string;
  /** For a group: its kind and audience, and the caller's standing in it. */
  group?: { kind: 'open' | 'closed' | 'secret'; audience: 'all' | 'members'; standing: GroupStanding };
  /** For a profile: whether the caller is its owner's friend. */
  friends?: boolean;
}

/** A person's standing in a group (one consistent GetItem). */
export async function groupStanding(groupId: string, userId: string): Promise<GroupStanding> {
  const { data } = await GroupMemberEntity.get({ groupId, userId }).go({ consistent: true });
  return data ? { state: data.state, role: data.role } : undefined;
}

/** Whether two people are friends (one GetItem). */
export async function areFriends(userId: string, otherId: string): Promise<boolean> {
  if (userId === otherId) return false;
  const { data } = await FriendshipEntity.get({ userId, friendId: otherId }).go();
  return data?.state === 'friends';
}

/**
 * The space named by a request, or a 404 on `field` (the full field: `body.space.id`, `params.spaceId`).
 * One GetItem for a section or a federation; for a group, the group and the caller's standing read in
 * parallel; for a profile, its owner and the caller's friendship.
 */
export async function resolveSpace(caller: Caller, ref: SpaceRef & { type: PartySpaceType }, field: string): Promise<ResolvedSpace & { type: PartySpaceType }>;
export async function resolveSpace(caller: Caller, ref: SpaceRef, field: string): Promise<ResolvedSpace>;
export async function resolveSpace(caller: Caller, ref: SpaceRef, field: string): Promise<ResolvedSpace> {
  const userId = caller.kind === 'person' ? caller.userId : undefined;
  switch (ref.type) {
    case 'section': {
      const section = await getSection(ref.id).catch(() => {
        throw new NotFoundError('section.not-found', field);
      });
      return {
        type: 'section',
        id: section.id,
        name: section.name,
        label: section.name,
        sectionId: section.id,
        federationCode: section.federationCode,
        regionCode: section.regionCode ?? undefined,
      };
    }
    case 'federation': {
      const federation = await getFederation(ref.id).catch(() => {
        throw new NotFoundError('federation.not-found', field);
      });
      return { type: 'federation', id: federation.code, name: federation.name, label: federation.name, federationCode: federation.code, regionCode: federation.regionCode ?? undefined };
    }
    case 'national':
      if (ref.id !== 'national') throw new NotFoundError('space.not-found', field);
      return { type: 'national', id: 'national', name: 'National', label: 'Coopol national' };
    case 'group': {
      const [{ data: group }, standing] = await Promise.all([GroupEntity.get({ groupId: ref.id }).go(), userId ? groupStanding(ref.id, userId) : undefined]);
      if (!group || !mayDiscoverGroup(caller, group, standing)) throw new NotFoundError('group.not-found', field);
      return { type: 'group', id: group.groupId, name: group.name, label: `Groupe ${group.name}`, group: { kind: group.kind, audience: group.audience, standing } };
    }
    case 'profile': {
      const [{ data: owner }, friends] = await Promise.all([PersonEntity.get({ userId: ref.id }).go(), userId ? areFriends(userId, ref.id) : false]);
      if (!owner) throw new NotFoundError('person.not-found', field);
      const name = `${owner.givenName} ${owner.familyName}`;
      return { type: 'profile', id: ref.id, name, label: name, friends };
    }
  }
}

/** The space as the access rules take it: its ref, and a section's federation. */
export function ruleSpace(space: ResolvedSpace): Space {
  return space.type === 'section' ? { type: 'section', id: space.id, federationCode: space.federationCode } : { type: space.type, id: space.id };
}

/** The caller's facts in the space, as the access rules take them. */
export function ruleFacts(space: ResolvedSpace): SpaceFacts {
  if (space.type === 'group') return { group: space.group?.standing };
  if (space.type === 'profile') return { friends: space.friends };
  return {};
}

/** The space and the caller's facts in it, as the access rules take them (one `resolveSpace`). */
export async function resolveSpaceForRules(caller: Caller, ref: SpaceRef, field: string): Promise<{ resolved: ResolvedSpace; space: Space; facts: SpaceFacts }> {
  const resolved = await resolveSpace(caller, ref, field);
  return { resolved, space: ruleSpace(resolved), facts: ruleFacts(resolved) };
}
