import { ConflictError, ForbiddenError } from '../../errors';
import { isGroupManager, isGroupMember, requirePerson, type GroupStanding, type Person } from '../authority';
import type { Caller } from '../caller';

/** Thematic groups (issue 5): who creates, discovers, joins, runs and reads them. */

/** A thematic group as the rules see it. */
export interface GroupFacts {
  kind: 'open' | 'closed' | 'secret';
  audience: 'all' | 'members';
}

/** Any member (adhérent) may create a group, in or outside their section: no secretary can stop it. */
export function mayCreateGroup(caller: Caller): Person {
  const person = requirePerson(caller);
  if (person.status !== 'adherent') throw new ForbiddenError('group.members-create-only');
  return person;
}

/**
 * Whether a group exists at all for the caller: secret groups only for their members and the people
 * invited to them; groups for members only are not shown to supporters. Callers who may not see a
 * group get the same answer as for a group that does not exist.
 */
export function mayDiscoverGroup(caller: Caller, group: GroupFacts, standing: GroupStanding, invited = false): boolean {
  if (caller.kind !== 'person') return false;
  if (standing || invited) return true;
  if (group.kind === 'secret') return false;
  return group.audience === 'all' || caller.status === 'adherent';
}

/** Joining: open groups at once, closed ones on request; secret ones by invitation only. */
export function joinOutcome(caller: Caller, group: GroupFacts, standing: GroupStanding, invited = false): 'member' | 'requested' {
  const person = requirePerson(caller);
  if (standing) throw new ConflictError(standing.state === 'member' ? 'group.already-member' : 'group.already-requested');
  if (group.audience === 'members' && person.status !== 'adherent') throw new ForbiddenError('group.adherents-only');
  if (invited) return 'member';
  if (group.kind === 'secret') throw new ForbiddenError('group.invitation-only');
  return group.kind === 'open' ? 'member' : 'requested';
}

/** Managers run the group: invitations, requests, other managers, removals. */
export function mayManageGroup(caller: Caller, standing: GroupStanding): void {
  requirePerson(caller);
  if (!isGroupManager(standing)) throw new ForbiddenError('group.managers-only');
}

/** A group's members and posts are for its members. */
export function mayReadGroup(caller: Caller, standing: GroupStanding): void {
  requirePerson(caller);
  if (!isGroupMember(standing)) throw new ForbiddenError('group.members-only');
}
