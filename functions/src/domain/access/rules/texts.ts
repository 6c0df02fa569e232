import { ForbiddenError } from '../../errors';
import { hasAuthorityOverSpace, requirePerson, requireRunsSpace, usePowers, type GroupStanding, type PartySpace, type Person, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';
import { isSpaceMember, type SpaceFacts } from './spaces';

/** Texts and amendments (issue 17, ADR 0030): who writes, who decides, who amends. */

/** Writing a text in a space is for those who run it (officials with their TOTP; a group's managers). */
export function mayWriteTexts(caller: Caller, space: PartySpace, options: PolicyOptions, standing?: GroupStanding): Person {
  return requireRunsSpace(caller, space, options, 'text.organizers-only', standing);
}

/**
 * Whether « Écrire un texte » is offered: to those who run the space, an official who has not turned
 * on TOTP yet included (the writing page then tells them what to do; the API refuses until then).
 */
export function offersTextWriting(caller: Caller, space: PartySpace, options: PolicyOptions, standing?: GroupStanding): boolean {
  try {
    mayWriteTexts(caller, space, options, standing);
    return true;
  } catch (error) {
    return error instanceof ForbiddenError && error.code === 'access.mfa-required';
  }
}

/** A text's owners: its author, and those who run its space (no TOTP asked: for showing the buttons). */
export function ownsText(caller: Caller, text: { authorId: string }, space: PartySpace, standing?: GroupStanding): boolean {
  return caller.kind === 'person' && (caller.userId === text.authorId || hasAuthorityOverSpace(caller, space, standing));
}

/** Deciding on amendments, opening the text, publishing a version: its owners, officials with their TOTP. */
export function mayDecideOnText(caller: Caller, text: { authorId: string }, space: PartySpace, options: PolicyOptions, standing?: GroupStanding): Person {
  const person = requirePerson(caller);
  if (!ownsText(person, text, space, standing)) throw new ForbiddenError('text.owners-only');
  if (space.type !== 'group') usePowers(person, options);
  return person;
}

/**
 * Amending is for the members of the space: a section's or a federation's adhérents, a group's
 * members, every adhérent nationally. Someone its moderators blocked amends nothing there.
 */
export function mayAmendIn(caller: Caller, space: PartySpace, facts: SpaceFacts): boolean {
  if (caller.kind !== 'person' || facts.blocked) return false;
  return space.type === 'national' ? caller.status === 'adherent' : isSpaceMember(caller, space, facts);
}

export function mayAmend(caller: Caller, space: PartySpace, facts: SpaceFacts): Person {
  const person = requirePerson(caller);
  if (facts.blocked) throw new ForbiddenError('space.blocked');
  if (!mayAmendIn(person, space, facts)) throw new ForbiddenError('text.members-only');
  return person;
}
