import type { Space } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { mayDiscoverGroup, type GroupStanding, type SpacePlace } from '../access/policy';
import { NotFoundError } from '../errors';
import { GroupEntity, GroupMemberEntity } from '../social/entities';
import { groupStanding } from '../social/spaces';
import { getFederation, getSection } from '../territory/service';

/** A space where events happen, with what rules, mails and roll-ups need to know of it. */
export interface ResolvedSpace extends SpacePlace {
  name: string;
  /** « Section Mulhouse », « Fédération du Haut-Rhin », « Groupe Santé » — the mail subject's prefix. */
  label: string;
  sectionId?: string;
  regionCode?: string;
  /** For a group: its kind (a secret group's events are never public) and the caller's standing in it. */
  group?: { kind: 'open' | 'closed' | 'secret'; standing: GroupStanding };
}

/**
 * The space named by a request (one GetItem for a section or federation; for a group, the group
 * and the caller's standing in it — the social feature's facts, read in parallel), or 404 on
 * `field`. A group the caller may not know of (secret, or members-only for a supporter) is a 404
 * exactly like a group that does not exist.
 */
export async function resolveSpace(caller: Caller, space: Space, field: string): Promise<ResolvedSpace> {
  switch (space.type) {
    case 'section': {
      const section = await getSection(space.id).catch(() => {
        throw new NotFoundError('Section', field);
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
      const federation = await getFederation(space.id).catch(() => {
        throw new NotFoundError('Fédération', field);
      });
      return {
        type: 'federation',
        id: federation.code,
        name: federation.name,
        label: federation.name,
        federationCode: federation.code,
        regionCode: federation.regionCode ?? undefined,
      };
    }
    case 'national':
      if (space.id !== 'national') throw new NotFoundError('Espace', field);
      return { type: 'national', id: 'national', name: 'National', label: 'Coopol national' };
    case 'group': {
      const [{ data: group }, standing] = await Promise.all([
        GroupEntity.get({ groupId: space.id }).go(),
        caller.kind === 'person' ? groupStanding(space.id, caller.userId) : undefined,
      ]);
      if (!group || !mayDiscoverGroup(caller, group, standing)) throw new NotFoundError('Groupe', field);
      return { type: 'group', id: group.groupId, name: group.name, label: `Groupe ${group.name}`, group: { kind: group.kind, standing } };
    }
  }
}

/** The caller's standing in each group of these events (one BatchGet of their group memberships). */
export async function standingsIn(caller: Caller, events: { spaceType: string; spaceId: string }[]): Promise<Map<string, GroupStanding>> {
  const groupIds = [...new Set(events.filter((e) => e.spaceType === 'group').map((e) => e.spaceId))];
  if (caller.kind !== 'person' || !groupIds.length) return new Map();
  const { data } = await GroupMemberEntity.get(groupIds.map((groupId) => ({ groupId, userId: caller.userId }))).go();
  return new Map(data.map((m) => [m.groupId, { state: m.state, role: m.role }]));
}
