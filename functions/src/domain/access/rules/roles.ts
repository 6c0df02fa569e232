import type { GrantRoleRequest } from '../../../contracts/identity';
import type { Reason } from '../../../contracts/errors';
import { ForbiddenError } from '../../errors';
import { hasAuthorityOverFederation, hasGrant, isNationalAdmin, requirePerson, usePowers, type Person, type PolicyOptions, type SectionPlace } from '../authority';
import type { Caller, Grant, PersonFacts } from '../caller';

/** Where a person stands in the party's tree, as far as roles are concerned. */
export type Membership = Pick<PersonFacts, 'status' | 'sectionId' | 'federationCode'>;

/**
 * Whether a role still holds for a person as they stand: territorial roles depend on membership
 * there (a section's roles on being an adhérent of that section, a federation's on being an adhérent
 * of that federation); national roles depend on no membership. Granting asks it of the person
 * named; a lapse, a move or an erasure ends the roles for which it no longer holds (roles/service.ts).
 */
export function grantHolds(grant: Grant, person: Membership | null): boolean {
  if (!person) return false;
  switch (grant.role) {
    case 'national-admin':
    case 'privacy-officer':
      return true;
    case 'federation-officer':
      return person.status === 'adherent' && person.federationCode === grant.scopeId;
    case 'section-secretary':
    case 'web-referent':
      return person.status === 'adherent' && person.sectionId === grant.scopeId;
  }
}

/**
 * Who may give or take back a role: whoever is above it — national roles and federation officers by
 * national admins; section secretaries by them or the federation's officers; web referents also by
 * the section's secretary. A role in the wrong kind of space is refused.
 */
function mayChangeRole(person: Person, grant: Grant, section: SectionPlace | undefined, refuse: (reason?: Reason) => never): boolean {
  switch (grant.role) {
    case 'national-admin':
    case 'privacy-officer':
      if (grant.scopeType !== 'national' || grant.scopeId !== 'national') refuse('role.national');
      return isNationalAdmin(person);
    case 'federation-officer':
      if (grant.scopeType !== 'federation') refuse('role.in-federation');
      return isNationalAdmin(person);
    case 'section-secretary':
    case 'web-referent':
      if (grant.scopeType !== 'section' || !section) refuse('role.in-section');
      return (
        hasAuthorityOverFederation(person, section!.federationCode) ||
        (grant.role === 'web-referent' && hasGrant(person, 'section-secretary', 'section', section!.sectionId))
      );
  }
}

const roleRefusal = (reason: Reason = 'role.not-grantable'): never => {
  throw new ForbiddenError(reason);
};

/** Granting: by whoever is above the role (`mayChangeRole`), to someone for whom it holds (`grantHolds`). */
export function mayGrantRole(
  caller: Caller,
  grant: GrantRoleRequest,
  target: PersonFacts,
  section: SectionPlace | undefined,
  options: PolicyOptions,
): void {
  const person = requirePerson(caller);
  const allowed = mayChangeRole(person, grant, section, roleRefusal);
  if (!grantHolds(grant, target)) {
    roleRefusal(grant.scopeType === 'federation' ? 'role.needs-federation-member' : 'role.needs-section-member');
  }
  if (!allowed) roleRefusal();
  usePowers(person, options);
}

/**
 * Revoking: whoever may grant the role takes it back, whatever has become of the person since (a
 * lapsed or moved member's roles can always be ended).
 */
export function mayRevokeRole(caller: Caller, grant: Grant, section: SectionPlace | undefined, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!mayChangeRole(person, grant, section, roleRefusal)) roleRefusal('role.not-revocable');
  usePowers(person, options);
}
