import type { Role } from '../../contracts/identity';
import type { PartySpaceType, SpaceRef, SpaceType } from '../../contracts/spaces';
import { ForbiddenError, UnauthorizedError } from '../errors';

type ForbiddenReason = ConstructorParameters<typeof ForbiddenError>[0];
import type { Caller, Grant } from './caller';

/**
 * The shared core of Coopol's access rules: who is a signed-in person, which roles they hold, when
 * they may use them, and who has authority over a section, a federation or any space. The rules of
 * each feature (./rules/) are written over it; `./policy` gathers them into one module. Handlers
 * never decide: services call the rules, which throw a ForbiddenError (403) or UnauthorizedError (401).
 */

export interface PolicyOptions {
  /** Officials and admins must have signed in with their TOTP code before using their powers. */
  officialMfaRequired: boolean;
}

export type Person = Extract<Caller, { kind: 'person' }>;

export function requirePerson(caller: Caller): Person {
  if (caller.kind === 'anonymous') throw new UnauthorizedError();
  if (caller.kind === 'unregistered') throw new ForbiddenError('access.registration-incomplete');
  return caller;
}

export const hasGrant = (caller: Person, role: Role, scopeType: Grant['scopeType'], scopeId: string) =>
  caller.roles.some((g) => g.role === role && g.scopeType === scopeType && g.scopeId === scopeId);

export const isNationalAdmin = (caller: Person) => hasGrant(caller, 'national-admin', 'national', 'national');

/**
 * Powers tied to a role — reading a member list in full as much as changing anything — need the
 * session to have passed the TOTP step (where required): the check every official action goes through.
 */
export function usePowers(caller: Person, options: PolicyOptions): void {
  if (options.officialMfaRequired && !caller.mfaVerified) {
    throw new ForbiddenError('access.mfa-required');
  }
}

/**
 * A space as the rules see it: the one `SpaceRef` of the contracts (ADR 0017), with the federation a
 * section sits in (for the rules about the officials above it).
 */
export type Space<T extends SpaceType = SpaceType> = SpaceRef & { type: T; federationCode?: string };
/** A space where events happen and reports are counted (not a profile). */
export type PartySpace = Space<PartySpaceType>;

/** The space a section belongs to, for rules about officials above it. */
export interface SectionPlace {
  sectionId: string;
  federationCode: string;
}

const sectionOf = (space: Space): SectionPlace => ({ sectionId: space.id, federationCode: space.federationCode ?? '' });

/** The caller's place in a group, if any: a member (manager or not) or a pending request. */
export type GroupStanding = { state: 'member' | 'requested'; role: 'manager' | 'member' } | undefined;

export const isGroupMember = (standing: GroupStanding) => standing?.state === 'member';
export const isGroupManager = (standing: GroupStanding) => standing?.state === 'member' && standing.role === 'manager';

/** Officials with authority over a section: its secretary and web referent, its federation's officers, national admins. */
export function hasAuthorityOverSection(caller: Person, place: SectionPlace): boolean {
  return (
    isNationalAdmin(caller) ||
    hasGrant(caller, 'federation-officer', 'federation', place.federationCode) ||
    hasGrant(caller, 'section-secretary', 'section', place.sectionId) ||
    hasGrant(caller, 'web-referent', 'section', place.sectionId)
  );
}

export function hasAuthorityOverFederation(caller: Person, federationCode: string): boolean {
  return isNationalAdmin(caller) || hasGrant(caller, 'federation-officer', 'federation', federationCode);
}

/**
 * Whether the caller's roles give authority over this space: a section's or a federation's
 * officials and those above them; national admins over the national level and (for want of anyone
 * else) a profile. A group is run by its managers, not by roles (`hasAuthorityOverSpace`).
 */
export function officialOver(caller: Person, space: Space): boolean {
  switch (space.type) {
    case 'section':
      return hasAuthorityOverSection(caller, sectionOf(space));
    case 'federation':
      return hasAuthorityOverFederation(caller, space.id);
    default:
      return isNationalAdmin(caller);
  }
}

/**
 * Whether the caller runs this space: its officials and those above them; a group's managers
 * (`standing`: the caller's place in the group, for a group space). Nobody runs a group from outside.
 */
export function hasAuthorityOverSpace(caller: Person, space: Space, standing?: GroupStanding): boolean {
  return space.type === 'group' ? isGroupManager(standing) : officialOver(caller, space);
}

/**
 * Acting for a space as one who runs it (organizing its events, writing to its people, opening its
 * salon, writing its texts): refused with the feature's own reason; officials use their powers (TOTP),
 * a group's managers hold no official role and are asked none.
 */
export function requireRunsSpace(caller: Caller, space: Space, options: PolicyOptions, reason: ForbiddenReason, standing?: GroupStanding): Person {
  const person = requirePerson(caller);
  if (!hasAuthorityOverSpace(person, space, standing)) throw new ForbiddenError(reason);
  if (space.type !== 'group') usePowers(person, options);
  return person;
}

/**
 * The role through which the caller has authority over a place, the nearest first (the transparency
 * log says by which role a list was read). Asked only of someone `hasAuthorityOverSection` or
 * `hasAuthorityOverFederation` allowed.
 */
export function authorityRole(caller: Person, place: { sectionId?: string; federationCode?: string }): Role {
  if (place.sectionId && hasGrant(caller, 'section-secretary', 'section', place.sectionId)) return 'section-secretary';
  if (place.sectionId && hasGrant(caller, 'web-referent', 'section', place.sectionId)) return 'web-referent';
  if (place.federationCode && hasGrant(caller, 'federation-officer', 'federation', place.federationCode)) return 'federation-officer';
  return 'national-admin';
}

/** Whether the caller is an official over where a person stands: their section's, their federation's, or national. */
export function officialOverPerson(caller: Person, owner: { sectionId?: string; federationCode: string }): boolean {
  return owner.sectionId
    ? hasAuthorityOverSection(caller, { sectionId: owner.sectionId, federationCode: owner.federationCode })
    : hasAuthorityOverFederation(caller, owner.federationCode);
}
