import { ForbiddenError } from '../../errors';
import { hasAuthorityOverSpace, requirePerson, usePowers, type GroupStanding, type PartySpace, type Person, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';
import { isSpaceMember, type SpaceFacts } from './spaces';

/** A space's shared documents (issue 17, ADR 0030): who shares, who removes. Reading them is reading the space. */

/**
 * Sharing documents is for those who take part in the space — a section's or a federation's
 * adhérents, a group's members, every adhérent nationally — and for those who run it; not for
 * someone its moderators blocked.
 */
export function mayShareDocumentsIn(caller: Caller, space: PartySpace, facts: SpaceFacts): boolean {
  if (caller.kind !== 'person' || facts.blocked) return false;
  if (hasAuthorityOverSpace(caller, space, facts.group)) return true;
  return space.type === 'national' ? caller.status === 'adherent' : isSpaceMember(caller, space, facts);
}

export function mayShareDocuments(caller: Caller, space: PartySpace, facts: SpaceFacts): Person {
  const person = requirePerson(caller);
  if (facts.blocked) throw new ForbiddenError('space.blocked');
  if (!mayShareDocumentsIn(person, space, facts)) throw new ForbiddenError('document.members-only');
  return person;
}

/** A document is removed by whoever shared it and by those who run its space. */
export function mayRemoveDocumentIn(caller: Caller, document: { uploaderId: string }, space: PartySpace, standing?: GroupStanding): boolean {
  return caller.kind === 'person' && (caller.userId === document.uploaderId || hasAuthorityOverSpace(caller, space, standing));
}

/** Someone else's document is removed by an official with their TOTP (a group's managers need none). */
export function mayRemoveDocument(caller: Caller, document: { uploaderId: string }, space: PartySpace, options: PolicyOptions, standing?: GroupStanding): Person {
  const person = requirePerson(caller);
  if (!mayRemoveDocumentIn(person, document, space, standing)) throw new ForbiddenError('document.not-yours');
  if (person.userId !== document.uploaderId && space.type !== 'group') usePowers(person, options);
  return person;
}
