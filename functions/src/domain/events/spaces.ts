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
