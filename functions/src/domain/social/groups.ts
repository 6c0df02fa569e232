import { randomBytes } from 'node:crypto';
import { Service, type EntityItem } from 'electrodb';
import type * as z from 'zod';
import type { Group, GroupInput, MemberDecision } from '../../contracts/social';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { joinOutcome, mayCreateGroup, mayDiscoverGroup, mayManageGroup, mayReadGroup, requirePerson, type GroupStanding } from '../access/policy';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { sendMail } from '../mail/send';
import { foldName } from '../territory/names';
import { siteLink } from '../../shared/site';
import { PersonEntity } from '../people/entities';
import { GroupEntity, GroupInvitationEntity, GroupMemberEntity } from './entities';
import { badCursor } from '../paging';
import { groupRequestAnswered, invitationAnswered } from './notifications';
import { spendSenderLimit } from './sender-limits';
import { displayName } from './spaces';
import { groupStanding } from '../spaces/resolve';
import { isConditionFailure } from '../../shared/conditions';
import { expiryFrom } from '../privacy/retention';

type GroupItem = EntityItem<typeof GroupEntity>;
type GroupDto = z.input<typeof Group>;


// A change of standing also keeps the person's copy of their groups (`groupIds`: who shares a group
// with whom, for « qui peut me trouver »), in the same transaction.
const standings = new Service({ group: GroupEntity, groupMember: GroupMemberEntity, person: PersonEntity });
const newGroupId = () => BigInt(`0x${randomBytes(10).toString('hex')}`).toString(36).padStart(16, '0').slice(-16);

const standingName = (standing: GroupStanding): GroupDto['myStanding'] =>
  !standing ? 'none' : standing.state === 'requested' ? 'requested' : standing.role === 'manager' ? 'manager' : 'member';

function toGroup(item: GroupItem, standing: GroupStanding): GroupDto {
  return {
    id: item.groupId,
    name: item.name,
    description: item.description,
    kind: item.kind,
    audience: item.audience,
    memberCount: item.memberCount,
    myStanding: standingName(standing),
  };
}


/** The group and the caller's standing, or a 404 for whoever may not know it exists (S1 + S3 in parallel). */
async function loadGroup(caller: Caller, groupId: string, invited = false) {
  const person = requirePerson(caller);
  const [{ data: group }, standing] = await Promise.all([GroupEntity.get({ groupId }).go(), groupStanding(groupId, person.userId)]);
  if (!group || !mayDiscoverGroup(caller, group, standing, invited)) throw new NotFoundError('group.not-found', 'params.groupId');
  return { person, group, standing };
}

/** A member creates a group and becomes its first manager (one transaction). */
export async function createGroup(caller: Caller, input: z.output<typeof GroupInput>): Promise<GroupDto> {
  const person = mayCreateGroup(caller);
  const me = (await callerItem(person))!;
  const groupId = newGroupId();
  const at = new Date().toISOString();
  const group = {
    groupId,
    name: input.name,
    sortName: foldName(input.name),
    description: input.description,
    kind: input.kind,
    audience: input.audience,
    ...(input.kind !== 'secret' && { listed: 'groups' }),
    createdBy: person.userId,
    createdAt: at,
    memberCount: 1,
    managerCount: 1,
  };
  await standings.transaction
    .write(({ group: g, groupMember, person: p }) => [
      g.create(group).commit(),
      groupMember.create({ groupId, userId: person.userId, state: 'member', role: 'manager', displayName: displayName(me), groupName: input.name, at }).commit(),
      p.patch({ userId: person.userId }).add({ groupIds: [groupId] }).commit(),
    ])
    .go();
  return toGroup(group as GroupItem, { state: 'member', role: 'manager' });
}

/** A page of the groups anyone may discover, by name (S2); members-only groups are left out for supporters. */
export async function listGroups(caller: Caller, page: { cursor?: string; limit: number }) {
  requirePerson(caller);
  const result = await GroupEntity.query.listed({ listed: 'groups' }).go({ cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  const items = result.data.filter((group) => mayDiscoverGroup(caller, group, undefined));
  return { items: items.map((group) => toGroup(group, undefined)), nextCursor: result.cursor ?? null };
}

/**
 * Groups to suggest (onboarding, « Premiers pas »): one page of the groups anyone may discover (S2),
 * those the person is not in, the ones whose name or description holds one of their interests first,
 * then the largest. Each says which interest brought it, if one did.
 */
export async function suggestGroups(caller: Caller): Promise<{ items: { group: GroupDto; interest: string | null }[] }> {
  const person = requirePerson(caller);
  const [item, listed] = await Promise.all([callerItem(person), GroupEntity.query.listed({ listed: 'groups' }).go({ limit: 100 })]);
  const mine = new Set(person.groupIds ?? []);
  const interests = (item?.interests ?? []).map((interest) => ({ interest, folded: foldName(interest) })).filter((i) => i.folded.length > 2);
  const ranked = listed.data
    .filter((group) => !mine.has(group.groupId) && mayDiscoverGroup(caller, group, undefined))
    .map((group) => {
      const text = foldName(`${group.name} ${group.description}`);
      return { group, interest: interests.find((i) => text.includes(i.folded))?.interest ?? null };
    })
    .sort((a, b) => Number(b.interest !== null) - Number(a.interest !== null) || b.group.memberCount - a.group.memberCount);
  return { items: ranked.slice(0, 4).map(({ group, interest }) => ({ group: toGroup(group, undefined), interest })) };
}

/** My groups (S4, then one BatchGet of the groups of the page). */
export async function listMyGroups(caller: Caller, page: { cursor?: string; limit: number }) {
  const person = requirePerson(caller);
  const result = await GroupMemberEntity.query.byPerson({ userId: person.userId }).go({ cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  const { data: groups } = result.data.length ? await GroupEntity.get(result.data.map((m) => ({ groupId: m.groupId }))).go() : { data: [] };
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  const items = result.data.flatMap((m) => {
    const group = byId.get(m.groupId);
    return group ? [toGroup(group, { state: m.state, role: m.role })] : [];
  });
  return { items, nextCursor: result.cursor ?? null };
}

export async function getGroup(caller: Caller, groupId: string): Promise<GroupDto> {
  const { group, standing } = await loadGroup(caller, groupId);
  return toGroup(group, standing);
}

const isManager = (standing: GroupStanding) => standing?.state === 'member' && standing.role === 'manager';
type CountedGroup = GroupItem & { managerCount: number };

/**
 * Groups made before the manager count get it at their first change of standing: their managers are
 * counted once (a Query) and the count set only if still absent — whoever sets it first wins, the
 * others read it back. Every later change keeps it with an ADD (S5), so the Query dies out.
 */
async function withManagerCount(group: GroupItem): Promise<CountedGroup> {
  if (group.managerCount !== undefined) return group as CountedGroup;
  const { data: managers } = await GroupMemberEntity.query
    .byGroup({ groupId: group.groupId })
    .where((attr, op) => `${op.eq(attr.role, 'manager')} AND ${op.eq(attr.state, 'member')}`)
    .go({ pages: 'all', consistent: true, attributes: ['userId'] });
  const set = await GroupEntity.patch({ groupId: group.groupId })
    .set({ managerCount: managers.length })
    .where((attr, op) => op.notExists(attr.managerCount))
    .go({ response: 'all_new' })
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
      return undefined;
    });
  const counted = set?.data ?? (await GroupEntity.get({ groupId: group.groupId }).go({ consistent: true })).data;
  if (counted?.managerCount === undefined) throw new NotFoundError('group.not-found', 'params.groupId');
  return { ...group, managerCount: counted.managerCount };
}

/** Writes a standing and keeps the member and manager counts exact (S5: one transaction). */
async function putStanding(
  group: GroupItem,
  person: { userId: string; name: string },
  state: 'member' | 'requested',
  role: 'manager' | 'member',
  previous: GroupStanding,
): Promise<void> {
  await withManagerCount(group);
  const item = {
    groupId: group.groupId,
    userId: person.userId,
    state,
    role,
    displayName: person.name,
    groupName: group.name,
    at: new Date().toISOString(),
    ...(state === 'requested' && { pendingGroupId: group.groupId }),
  };
  const delta = (state === 'member' ? 1 : 0) - (previous?.state === 'member' ? 1 : 0);
  const managerDelta = Number(isManager({ state, role })) - Number(isManager(previous));
  const result = await standings.transaction
    .write(({ group: g, groupMember, person: p }) => [
      previous
        ? groupMember.put(item).where((attr, op) => `${op.eq(attr.state, previous.state)} AND ${op.eq(attr.role, previous.role)}`).commit()
        : groupMember.create(item).commit(),
      ...(delta || managerDelta ? [g.patch({ groupId: group.groupId }).add({ memberCount: delta, managerCount: managerDelta }).commit()] : []),
      ...(delta > 0 ? [p.patch({ userId: person.userId }).add({ groupIds: [group.groupId] }).commit()] : []),
    ])
    .go();
  if (result.canceled) throw new ConflictError('group.changed-meanwhile');
}

/** Leaves, refusals, removals: the counts follow, and a group never loses its last manager (S5). */
async function removeStanding(group: GroupItem, userId: string, previous: NonNullable<GroupStanding>): Promise<void> {
  await withManagerCount(group);
  const manager = isManager(previous);
  const result = await standings.transaction
    .write(({ group: g, groupMember, person: p }) => [
      groupMember.delete({ groupId: group.groupId, userId }).where((attr, op) => op.eq(attr.state, previous.state)).commit(),
      ...(previous.state === 'member' ? [p.patch({ userId }).delete({ groupIds: [group.groupId] }).commit()] : []),
      ...(previous.state === 'member'
        ? [
            manager
              ? g.patch({ groupId: group.groupId }).add({ memberCount: -1, managerCount: -1 }).where((attr, op) => op.gte(attr.managerCount, 2)).commit()
              : g.patch({ groupId: group.groupId }).add({ memberCount: -1 }).commit(),
          ]
        : []),
    ])
    .go();
  if (result.canceled) throw new ConflictError('group.changed-meanwhile');
}

/** Open group: member at once; closed: a request for the managers; secret: by invitation only. */
export async function joinGroup(caller: Caller, groupId: string) {
  const { person, group, standing } = await loadGroup(caller, groupId);
  const outcome = joinOutcome(person, group, standing);
  const me = (await callerItem(person))!;
  await putStanding(group, { userId: person.userId, name: displayName(me) }, outcome, 'member', undefined);
  return { standing: outcome === 'member' ? ('member' as const) : ('requested' as const) };
}

/** Anyone leaves when they want (or withdraws their request); the last manager hands over first. */
export async function leaveGroup(caller: Caller, groupId: string): Promise<void> {
  const { person, group, standing } = await loadGroup(caller, groupId);
  if (!standing) throw new ConflictError('group.not-in');
  // A group is never left without a manager: its count says so (the removal's condition holds it
  // against a race); a group made before the count gets it now, once.
  const counted = await withManagerCount(group);
  if (isManager(standing) && counted.managerCount < 2) throw new ConflictError('group.last-manager');
  await removeStanding(counted, person.userId, standing);
}

/** Members see the members; managers also see the pending requests (S3 / the sparse request index). */
export async function listGroupMembers(caller: Caller, groupId: string, query: { state: 'member' | 'requested'; cursor?: string; limit: number }) {
  const { person, standing } = await loadGroup(caller, groupId);
  if (query.state === 'requested') mayManageGroup(person, standing);
  else mayReadGroup(person, standing);
  const result =
    query.state === 'requested'
      ? await GroupMemberEntity.query.requests({ pendingGroupId: groupId }).go({ cursor: query.cursor ?? null, limit: query.limit }).catch(badCursor(query.cursor))
      : await GroupMemberEntity.query
          .byGroup({ groupId })
          .where((attr, op) => op.eq(attr.state, 'member'))
          .go({ cursor: query.cursor ?? null, limit: query.limit })
          .catch(badCursor(query.cursor));
  return {
    items: result.data.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, state: m.state, since: m.at })),
    nextCursor: result.cursor ?? null,
  };
}

/** Managers approve or refuse requests, appoint managers, remove members. */
export async function decideGroupMember(caller: Caller, groupId: string, userId: string, decision: z.output<typeof MemberDecision>): Promise<void> {
  const { person, group, standing } = await loadGroup(caller, groupId);
  mayManageGroup(person, standing);
  const { data: target } = await GroupMemberEntity.get({ groupId, userId }).go({ consistent: true });
  if (!target) throw new NotFoundError('group.member-not-found', 'params.userId');
  const previous = { state: target.state, role: target.role };
  const who = { userId, name: target.displayName };
  switch (decision.action) {
    case 'approve':
      if (target.state !== 'requested') throw new ConflictError('group.already-member-other');
      await putStanding(group, who, 'member', 'member', previous);
      return groupRequestAnswered(target);
    case 'refuse':
      if (target.state !== 'requested') throw new ConflictError('group.no-request');
      await removeStanding(group, userId, previous);
      return groupRequestAnswered(target);
    case 'make-manager':
      if (target.state !== 'member') throw new ConflictError('group.request-first');
      return putStanding(group, who, 'member', 'manager', previous);
    case 'remove':
      if (userId === person.userId) throw new ValidationError([{ field: 'params.userId', message: 'pour partir, quittez le groupe' }]);
      return removeStanding(group, userId, previous);
  }
}

/** A manager invites an address by mail (S6), within their ceilings of invitations (sender-limits.ts); the link holds a secret and works once. */
export async function inviteToGroup(caller: Caller, groupId: string, email: string) {
  const { person, group, standing } = await loadGroup(caller, groupId);
  mayManageGroup(person, standing);
  await spendSenderLimit('invitation', person.userId);
  const me = (await callerItem(person))!;
  const token = randomBytes(24).toString('base64url');
  await GroupInvitationEntity.create({
    token,
    groupId,
    email,
    invitedBy: person.userId,
    createdAt: new Date().toISOString(),
    expiresAt: expiryFrom('groupInvitation'),
  }).go();
  await sendMail({
    to: email,
    template: 'group-invitation',
    data: { inviterName: displayName(me), groupName: group.name, acceptUrl: siteLink(`/groupes/invitation/${token}`) },
    kind: 'transactional',
  });
  return { email };
}

/** The invited address's account accepts: member at once, whatever the group's kind; the link is spent. */
export async function acceptGroupInvitation(caller: Caller, token: string): Promise<GroupDto> {
  const person = requirePerson(caller);
  const { data: invitation } = await GroupInvitationEntity.get({ token }).go();
  if (!invitation || invitation.expiresAt < Date.now() / 1000) throw new NotFoundError('invitation.not-found', 'params.token');
  const me = (await callerItem(person))!;
  if (me.email.toLowerCase() !== invitation.email.toLowerCase()) {
    throw new ForbiddenError('invitation.other-address');
  }
  const { group, standing } = await loadGroup(caller, invitation.groupId, true);
  if (!standing || standing.state === 'requested') {
    joinOutcome(person, group, undefined, true);
    await putStanding(group, { userId: person.userId, name: displayName(me) }, 'member', 'member', standing);
  }
  await GroupInvitationEntity.delete({ token }).go();
  await invitationAnswered(person.userId, invitation);
  return toGroup({ ...group, memberCount: group.memberCount + (standing?.state === 'member' ? 0 : 1) }, { state: 'member', role: standing?.role ?? 'member' });
}
