import type { FindableBy, ProfileField } from '../../../contracts/identity';
import { ForbiddenError } from '../../errors';
import { hasAuthorityOverFederation, hasAuthorityOverSection, requirePerson, usePowers, type PolicyOptions, type SectionPlace } from '../authority';
import type { Caller, PersonFacts } from '../caller';

/** People: member lists, profiles and what they show, who may find whom (tests/unit/policy.test.ts). */

export type ListAccess = 'full' | 'as-allowed';

/**
 * A section's member list: officials over it see everyone; the section's own members see those who
 * allow it; anyone else is refused (a supporter or a member of another section learns nothing).
 */
export function sectionMemberListAccess(caller: Caller, place: SectionPlace, options: PolicyOptions): ListAccess {
  const person = requirePerson(caller);
  if (hasAuthorityOverSection(person, place)) {
    usePowers(person, options);
    return 'full';
  }
  if (person.status === 'adherent' && person.sectionId === place.sectionId) return 'as-allowed';
  throw new ForbiddenError('members.section-only');
}

/** A federation's member list: its officers and national admins see everyone; its own people see those who allow it. */
export function federationMemberListAccess(caller: Caller, federationCode: string, options: PolicyOptions): ListAccess {
  const person = requirePerson(caller);
  if (hasAuthorityOverFederation(person, federationCode)) {
    usePowers(person, options);
    return 'full';
  }
  if (person.federationCode === federationCode) return 'as-allowed';
  throw new ForbiddenError('members.federation-only');
}

/** Whether `viewer` falls in the audience `owner` chose for one field. Friends come with the friends feature. */
export function inAudience(viewer: Caller, owner: PersonFacts, field: ProfileField, areFriends = false): boolean {
  if (viewer.kind !== 'person') return false;
  if (viewer.userId === owner.userId) return true;
  switch (owner.visibility[field]) {
    case 'signed-in':
      return true;
    case 'members':
      return viewer.status === 'adherent';
    case 'section':
      return Boolean(owner.sectionId) && viewer.status === 'adherent' && viewer.sectionId === owner.sectionId;
    case 'friends':
      return areFriends;
    case 'only-me':
    default:
      return false;
  }
}

/** Fields an official over the person's space sees regardless of their choices (to run the section). */
const officialFields: ReadonlySet<ProfileField> = new Set(['membership', 'section', 'email']);

/** Which fields of `owner`'s profile `viewer` may see. Name is always visible to those who may see the person at all. */
export function visibleFields(viewer: Caller, owner: PersonFacts, access: ListAccess = 'as-allowed', areFriends = false): Set<ProfileField> {
  const fields = new Set<ProfileField>();
  for (const field of ['membership', 'section', 'functions', 'mandates', 'interests', 'photo', 'email'] as const) {
    if ((access === 'full' && officialFields.has(field)) || inAudience(viewer, owner, field, areFriends)) fields.add(field);
  }
  return fields;
}

/** What « qui peut me trouver » needs to know of a person (copied on their search entries). */
export interface FindableFacts {
  userId: string;
  findableBy?: FindableBy;
  federationCode?: string;
  groupIds?: readonly string[];
}

/**
 * Whether `viewer` may find `target` by name (search, friend suggestions, mentions). By default
 * (`connections`) those who share a section or a federation (a section is in one federation), a
 * group or a friendship with them; `signed-in`: everyone signed in; `nobody`: no one but themselves.
 * Decided with facts already at hand: the caller's own item (P1) and the target's entry.
 */
export function mayFind(viewer: Caller, target: FindableFacts, areFriends: boolean): boolean {
  if (viewer.kind !== 'person') return false;
  if (viewer.userId === target.userId) return true;
  switch (target.findableBy ?? 'connections') {
    case 'signed-in':
      return true;
    case 'nobody':
      return false;
    case 'connections': {
      if (areFriends || (target.federationCode !== undefined && target.federationCode === viewer.federationCode)) return true;
      const mine = new Set(viewer.groupIds ?? []);
      return (target.groupIds ?? []).some((groupId) => mine.has(groupId));
    }
  }
}

/** Whether finding `target` needs to know if the viewer is their friend (the only fact not at hand). */
export const findingNeedsFriendship = (viewer: Caller, target: FindableFacts) => !mayFind(viewer, target, false) && mayFind(viewer, target, true);

/** A profile page: any signed-in person may open it; what it shows follows the owner's choices. */
export function mayOpenProfile(caller: Caller): void {
  requirePerson(caller);
}
