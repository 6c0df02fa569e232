import { ForbiddenError, NotFoundError } from '../../errors';
import { hasGrant, requirePerson, usePowers, type Person, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';

/** Privacy rights: the transparency log's readers, the privacy officer's desk (tests/unit/policy.test.ts). */

/**
 * A section's transparency log is for the people on its list: its adhérents. Anyone else — another
 * section's members, supporters, the officials above it — is told it does not exist (the DPO reads
 * every log at their desk).
 */
export function maySeeSectionAccessLog(caller: Caller, sectionId: string): Person {
  const person = requirePerson(caller);
  if (person.status !== 'adherent' || person.sectionId !== sectionId) throw new NotFoundError('access-log.not-found');
  return person;
}

/** A federation's log: for the people on its list, its adhérents and supporters. */
export function maySeeFederationAccessLog(caller: Caller, federationCode: string): Person {
  const person = requirePerson(caller);
  if (person.federationCode !== federationCode) throw new NotFoundError('access-log.not-found');
  return person;
}

/** The DPO's desk (requests, the whole log): the privacy officer alone — national admins included out — with TOTP. */
export function mayActAsPrivacyOfficer(caller: Caller, options: PolicyOptions): Person {
  const person = requirePerson(caller);
  if (!hasGrant(person, 'privacy-officer', 'national', 'national')) throw new ForbiddenError('dpo.only');
  usePowers(person, options);
  return person;
}
