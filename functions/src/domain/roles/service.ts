import { Service, type EntityItem } from 'electrodb';
import type { GrantRoleRequest, Role, ScopeType } from '../../contracts/identity';
import type { Caller, Grant } from '../access/caller';
import { policyOptions } from '../access/options';
import { factsOf } from '../access/load-caller';
import { grantHolds, mayGrantRole, mayRevokeRole, requirePerson, type Membership } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { PersonEntity, RoleAuditEntity, RoleGrantEntity } from '../people/entities';
import { MembershipChangeEntity, standingChanged } from '../people/membership-history';
import { getFederation, getSection } from '../territory/service';
import { again, retryOptimistic } from '../../shared/retry';

const roles = new Service({ person: PersonEntity, grant: RoleGrantEntity, audit: RoleAuditEntity, history: MembershipChangeEntity });

type Official = EntityItem<typeof RoleGrantEntity>;

const sameGrant = (a: Grant, b: Grant) => a.role === b.role && a.scopeType === b.scopeType && a.scopeId === b.scopeId;

type Where = 'body' | 'params';

async function placeOf(grant: Grant, where: Where) {
  if (grant.scopeType === 'section') {
    const section = await getSection(grant.scopeId).catch(() => {
      throw new NotFoundError('section.not-found', `${where}.scopeId`);
    });
    return { sectionId: section.id, federationCode: section.federationCode };
  }
  if (grant.scopeType === 'federation') {
    await getFederation(grant.scopeId).catch(() => {
      throw new NotFoundError('federation.not-found', `${where}.scopeId`);
    });
  }
  return undefined;
}

async function targetOf(userId: string, where: Where) {
  const { data } = await PersonEntity.get({ userId }).go();
  if (!data) throw new NotFoundError('person.not-found', `${where}.userId`);
  return data;
}

/**
 * The person and space a role change is about, checked against the rule: the same rule decides
 * who may grant a role and who may take it back. Both reads go out at once.
 */
async function authorizeRoleChange(caller: Caller, change: Grant & { userId: string }, where: Where, action: 'grant' | 'revoke') {
  const by = requirePerson(caller).userId;
  const [target, place] = await Promise.all([targetOf(change.userId, where), placeOf(change, where)]);
  if (action === 'grant') mayGrantRole(caller, change, factsOf(target), place, policyOptions);
  else mayRevokeRole(caller, change, place, policyOptions);
  return { by, target };
}

/**
 * Grants a role, if the caller is above it (policy), in one transaction: the grant record (must not
 * exist), the person's copy of their roles (unchanged since read), and the audit line.
 */
export async function grantRole(caller: Caller, request: GrantRoleRequest): Promise<Official> {
  const { by, target } = await authorizeRoleChange(caller, request, 'body', 'grant');
  return writeGrant(target, request, by);
}

/** The transaction shared by grants made by people and by the demo seed (`by: 'system'`). */
export async function writeGrant(target: EntityItem<typeof PersonEntity>, grant: Grant, by: string): Promise<Official> {
  const current: Grant[] = target.roles ?? [];
  if (current.some((g) => sameGrant(g, grant))) throw new ConflictError('role.already-held');
  const grantedAt = new Date().toISOString();
  const official = {
    userId: target.userId,
    role: grant.role,
    scopeType: grant.scopeType,
    scopeId: grant.scopeId,
    givenName: target.givenName,
    familyName: target.familyName,
    grantedBy: by,
    grantedAt,
  };
  const result = await roles.transaction
    .write(({ person, grant: grants, audit }) => [
      grants.create(official).commit(),
      person
        .patch({ userId: target.userId })
        .set({ roles: [...current, { role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId }] })
        .where(({ roles: r }, { eq }) => eq(r, current))
        .commit(),
      audit.create({ ...grant, at: grantedAt, action: 'grant', userId: target.userId, by }).commit(),
    ])
    .go();
  if (result.canceled) throw new ConflictError('role.changed-meanwhile');
  return official;
}

/**
 * Revokes a role: whoever may grant it takes it back, even when the person is no longer a member
 * there (policy `mayRevokeRole`); recorded in the audit.
 */
export async function revokeRole(caller: Caller, grant: Grant & { userId: string }): Promise<void> {
  const { by, target } = await authorizeRoleChange(caller, grant, 'params', 'revoke');
  const current: Grant[] = target.roles ?? [];
  if (!current.some((g) => sameGrant(g, grant))) throw new NotFoundError('role.not-found', 'params.role');
  const at = new Date().toISOString();
  const result = await roles.transaction
    .write(({ person, grant: grants, audit }) => [
      grants.delete({ userId: grant.userId, scopeType: grant.scopeType, scopeId: grant.scopeId, role: grant.role }).commit(),
      person
        .patch({ userId: grant.userId })
        .set({ roles: current.filter((g) => !sameGrant(g, grant)) })
        .where(({ roles: r }, { eq }) => eq(r, current))
        .commit(),
      audit.create({ ...grant, at, action: 'revoke', by }).commit(),
    ])
    .go();
  if (result.canceled) throw new ConflictError('role.changed-meanwhile');
}

type PersonItem = EntityItem<typeof PersonEntity>;

/** A person's new standing in the party, as the member file says it. */
export interface MembershipUpdate {
  set: Pick<PersonItem, 'status'> & Partial<Pick<PersonItem, 'memberNumber' | 'sectionId' | 'sectionName' | 'federationCode' | 'federationName'>>;
  remove?: ('sectionId' | 'sectionName' | 'memberNumber')[];
}

/** Why roles ended without anyone revoking them, as the audit says it. */
export type RoleEndReason = 'adhésion échue' | 'changement de section' | 'effacement du compte';

function reasonFor(before: PersonItem, after: Membership | null): RoleEndReason {
  if (!after) return 'effacement du compte';
  if (after.status !== 'adherent' && before.status === 'adherent') return 'adhésion échue';
  return 'changement de section';
}

/**
 * The one place where a change of a person ends the roles that depended on it (policy `grantHolds`):
 * the person's new standing, the grants that no longer hold, and an audit line for each (who, when,
 * why) are written in one transaction, conditioned on the roles read — a lapsed referent never keeps
 * her powers, not even for a moment. The member-file import calls it for every lapse, move and
 * promotion; account erasure (not built yet) is to call it with `null` (every role ends, the person's
 * copy emptied) before removing the person. Returns the roles ended. Cost: R3's shape — 1 consistent
 * GetItem + 1 TransactWriteItems, again if the roles changed meanwhile.
 */
export async function changeMembership(userId: string, update: MembershipUpdate | null, by: string): Promise<Grant[]> {
  return retryOptimistic({ attempts: 3, exhausted: new ConflictError('role.changed-meanwhile') }, async () => {
    const { data: before } = await PersonEntity.get({ userId }).go({ consistent: true });
    if (!before) return [];
    const current: Grant[] = before.roles ?? [];
    const after: Membership | null = update && {
      status: update.set.status,
      sectionId: update.remove?.includes('sectionId') ? undefined : (update.set.sectionId ?? before.sectionId),
      federationCode: update.set.federationCode ?? before.federationCode,
    };
    const kept = current.filter((g) => grantHolds(g, after));
    const ended = current.filter((g) => !grantHolds(g, after));
    const reason = reasonFor(before, after);
    const at = new Date().toISOString();
    const result = await roles.transaction
      .write(({ person, grant: grants, audit, history }) => {
        let patch = person.patch({ userId }).set({ ...(update?.set ?? {}), roles: kept });
        if (update?.remove?.length) patch = patch.remove(update.remove);
        return [
          patch.where(({ roles: r }, { eq }) => eq(r, current)).commit(),
          // The person's standing over time, read by the transparency log (ADR 0027).
          ...(after && standingChanged(before, after) ? [history.put({ userId, at, ...after }).commit()] : []),
          ...ended.map((g) => grants.delete({ userId, scopeType: g.scopeType, scopeId: g.scopeId, role: g.role }).commit()),
          ...ended.map((g) => audit.create({ ...g, at, action: 'revoke', userId, by, reason }).commit()),
        ];
      })
      .go();
    return result.canceled ? again : ended;
  });
}

/** The officials of a space (one Query on gsi1); any signed-in person may see them. */
export async function listOfficials(caller: Caller, scopeType: ScopeType, scopeId: string): Promise<Official[]> {
  requirePerson(caller);
  if (scopeType === 'section') await getSection(scopeId);
  if (scopeType === 'federation') await getFederation(scopeId);
  const { data } = await RoleGrantEntity.query.byScope({ scopeType, scopeId }).go({ pages: 'all' });
  return data;
}

export type { Role };
