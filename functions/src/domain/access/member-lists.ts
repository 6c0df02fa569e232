import type { Caller, PersonFacts } from './caller';
import { officialOverPerson, requirePerson, type SectionPlace } from './authority';
import { policyOptions } from './options';
import { federationMemberListAccess, sectionMemberListAccess, visibleFields, type ListAccess } from './rules/people';
import type { ProfileField } from '../../contracts/identity';
import { recordMemberListRead } from './transparency-log';

/**
 * Member lists as the access module grants them (ADR 0027): the rule decides (rules/people.ts), the
 * service reads, and a read in full by an official is recorded in the transparency log here, where it
 * was granted — a handler or a service cannot forget it. A member's own reads (the list as its people
 * allow) and anyone else's are not recorded.
 */

/** A page of a section's members: `read` gets the access decided; a read in full is logged with its count. */
export async function readSectionMembers<P extends { items: unknown[] }>(caller: Caller, place: SectionPlace, read: (access: ListAccess) => Promise<P>): Promise<P> {
  const access = sectionMemberListAccess(caller, place, policyOptions);
  const page = await read(access);
  if (access === 'full') await recordMemberListRead(requirePerson(caller), { type: 'section', id: place.sectionId }, place, page.items.length);
  return page;
}

/** A page of a federation's members and supporters, as `readSectionMembers`. */
export async function readFederationMembers<P extends { items: unknown[] }>(caller: Caller, federationCode: string, read: (access: ListAccess) => Promise<P>): Promise<P> {
  const access = federationMemberListAccess(caller, federationCode, policyOptions);
  const page = await read(access);
  if (access === 'full') await recordMemberListRead(requirePerson(caller), { type: 'federation', id: federationCode }, { federationCode }, page.items.length);
  return page;
}

/**
 * Someone's profile: the fields its owner lets the caller see. When they show the owner's membership
 * to an official over the owner's section or federation (not the owner), the read is logged as a read
 * of that person's membership.
 */
export async function readProfile<T>(caller: Caller, owner: PersonFacts, read: (fields: Set<ProfileField>) => Promise<T>): Promise<T> {
  const person = requirePerson(caller);
  const fields = visibleFields(caller, owner, 'as-allowed');
  const result = await read(fields);
  if (fields.has('membership') && person.userId !== owner.userId && officialOverPerson(person, owner)) {
    await recordMemberListRead(person, { type: 'person', id: owner.userId }, owner, 1);
  }
  return result;
}
