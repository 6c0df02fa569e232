import type { Caller } from '../access/caller';
import type { GroupStanding } from '../access/policy';
import { GroupMemberEntity } from '../social/entities';

/** The caller's standing in each group of these events (one BatchGet of their group memberships). */
export async function standingsIn(caller: Caller, events: { spaceType: string; spaceId: string }[]): Promise<Map<string, GroupStanding>> {
  const groupIds = [...new Set(events.filter((e) => e.spaceType === 'group').map((e) => e.spaceId))];
  if (caller.kind !== 'person' || !groupIds.length) return new Map();
  const { data } = await GroupMemberEntity.get(groupIds.map((groupId) => ({ groupId, userId: caller.userId }))).go();
  return new Map(data.map((m) => [m.groupId, { state: m.state, role: m.role }]));
}

/**
 * The caller's standing in each group they are a member of (their `groupIds`, kept with the
 * memberships in one transaction), in one BatchGet that needs no event read first. A group not among
 * them is one they are not a member of, where a standing grants nothing.
 */
export async function standingsInMyGroups(caller: Caller): Promise<Map<string, GroupStanding>> {
  if (caller.kind !== 'person' || !caller.groupIds?.length) return new Map();
  const { data } = await GroupMemberEntity.get(caller.groupIds.map((groupId) => ({ groupId, userId: caller.userId }))).go({ concurrency: 10 });
  return new Map(data.map((m) => [m.groupId, { state: m.state, role: m.role }]));
}
