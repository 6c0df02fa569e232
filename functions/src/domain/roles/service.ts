import { Service, type EntityItem } from 'electrodb';
import type { GrantRoleRequest, Role, ScopeType } from '../../contracts/identity';
import type { Caller, Grant } from '../access/caller';
import { policyOptions } from '../access/options';
import { factsOf } from '../access/load-caller';
import { mayGrantRole, requirePerson } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { PersonEntity, RoleAuditEntity, RoleGrantEntity } from '../people/entities';
import { getFederation, getSection } from '../territory/service';

const roles = new Service({ person: PersonEntity, grant: RoleGrantEntity, audit: RoleAuditEntity });

type Official = EntityItem<typeof RoleGrantEntity>;

const sameGrant = (a: Grant, b: Grant) => a.role === b.role && a.scopeType === b.scopeType && a.scopeId === b.scopeId;

type Where = 'body' | 'params';

async function placeOf(grant: Grant, where: Where) {
  if (grant.scopeType === 'section') {
    const section = await getSection(grant.scopeId).catch(() => {
      throw new NotFoundError('Section', `${where}.scopeId`);
    });
    return { sectionId: section.id, federationCode: section.federationCode };
  }
  if (grant.scopeType === 'federation') {
    await getFederation(grant.scopeId).catch(() => {
      throw new NotFoundError('Fédération', `${where}.scopeId`);
    });
  }
  return undefined;
}

async function targetOf(userId: string, where: Where) {
  const { data } = await PersonEntity.get({ userId }).go();
  if (!data) throw new NotFoundError('Personne', `${where}.userId`);
  return data;
}

/**
 * The person and space a role change is about, checked against the rule: the same rule decides
 * who may grant a role and who may take it back. Both reads go out at once.
 */
async function authorizeRoleChange(caller: Caller, change: Grant & { userId: string }, where: Where) {
  const by = requirePerson(caller).userId;
  const [target, place] = await Promise.all([targetOf(change.userId, where), placeOf(change, where)]);
  mayGrantRole(caller, change, factsOf(target), place, policyOptions);
  return { by, target };
}

/**
 * Grants a role, if the caller is above it (policy), in one transaction: the grant record (must not
 * exist), the person's copy of their roles (unchanged since read), and the audit line.
 */
export async function grantRole(caller: Caller, request: GrantRoleRequest): Promise<Official> {
  const { by, target } = await authorizeRoleChange(caller, request, 'body');
  return writeGrant(target, request, by);
}

/** The transaction shared by grants made by people and by the demo seed (`by: 'system'`). */
export async function writeGrant(target: EntityItem<typeof PersonEntity>, grant: Grant, by: string): Promise<Official> {
  const current: Grant[] = target.roles ?? [];
  if (current.some((g) => sameGrant(g, grant))) throw new ConflictError('Cette personne a déjà ce rôle dans cet espace.');
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
  if (result.canceled) throw new ConflictError('Les rôles de cette personne viennent de changer : réessayez.');
  return official;
}

/** Revokes a role, under the same rule as granting it; recorded in the audit. */
export async function revokeRole(caller: Caller, grant: Grant & { userId: string }): Promise<void> {
  const { by, target } = await authorizeRoleChange(caller, grant, 'params');
  const current: Grant[] = target.roles ?? [];
  if (!current.some((g) => sameGrant(g, grant))) throw new NotFoundError('Rôle', 'params.role');
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
  if (result.canceled) throw new ConflictError('Les rôles de cette personne viennent de changer : réessayez.');
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
