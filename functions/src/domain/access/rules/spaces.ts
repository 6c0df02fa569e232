import { ForbiddenError } from '../../errors';
import {
  hasAuthorityOverFederation,
  isGroupManager,
  isGroupMember,
  isNationalAdmin,
  officialOver,
  requirePerson,
  usePowers,
  type GroupStanding,
  type Person,
  type PolicyOptions,
  type Space,
} from '../authority';
import type { Caller } from '../caller';

/** Reading, posting, commenting and moderating in a space (posts, comments, the feed: issue 5). */

/** What a rule about a space needs beyond the caller: their standing in its group, their friendship with its owner. */
export interface SpaceFacts {
  group?: GroupStanding;
  friends?: boolean;
  /** Blocked from posting in this space by its moderators. */
  blocked?: boolean;
}

/**
 * Who reads a space: a section's members and the officials over it (supporters and other sections
 * never); a federation's people and officers; a group's members; a profile's owner and friends;
 * national announcements: everyone signed in.
 */
export function canReadSpace(caller: Caller, space: Space, facts: SpaceFacts = {}): boolean {
  if (caller.kind !== 'person') return false;
  switch (space.type) {
    case 'section':
      return (caller.status === 'adherent' && caller.sectionId === space.id) || officialOver(caller, space);
    case 'federation':
      return caller.federationCode === space.id || hasAuthorityOverFederation(caller, space.id);
    case 'group':
      return isGroupMember(facts.group);
    case 'profile':
      return caller.userId === space.id || facts.friends === true;
    case 'national':
      return true;
  }
}

export function mayReadSpace(caller: Caller, space: Space, facts: SpaceFacts = {}): void {
  requirePerson(caller);
  if (!canReadSpace(caller, space, facts)) throw new ForbiddenError('space.closed');
}

/** A section's or a federation's adhérents, a group's members: who takes part in the space (posts, amendments). */
export function isSpaceMember(person: Person, space: Space, facts: SpaceFacts): boolean {
  switch (space.type) {
    case 'section':
      return person.status === 'adherent' && person.sectionId === space.id;
    case 'federation':
      return person.status === 'adherent' && person.federationCode === space.id;
    case 'group':
      return isGroupMember(facts.group);
    default:
      return false;
  }
}

/**
 * Who posts in a space: the section's members; the federation's members; a group's members; one's
 * own profile; national announcements by national admins. Someone blocked by a space's moderators
 * posts nowhere in that space (and keeps everything else).
 */
export function mayPostIn(caller: Caller, space: Space, facts: SpaceFacts, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (facts.blocked) throw new ForbiddenError('space.blocked');
  let allowed: boolean;
  switch (space.type) {
    case 'section':
    case 'federation':
    case 'group':
      allowed = isSpaceMember(person, space, facts);
      break;
    case 'profile':
      allowed = person.userId === space.id;
      break;
    case 'national':
      allowed = isNationalAdmin(person);
      if (allowed) usePowers(person, options);
      break;
  }
  if (!allowed) throw new ForbiddenError('post.not-allowed');
}

/** Commenting: whoever may read the post, unless blocked in its space. */
export function mayComment(caller: Caller, space: Space, facts: SpaceFacts): void {
  mayReadSpace(caller, space, facts);
  if (facts.blocked) throw new ForbiddenError('space.blocked');
}

/** Authors edit and delete their own posts and comments, nobody else. */
export function mayEditPost(caller: Caller, authorId: string): void {
  const person = requirePerson(caller);
  if (person.userId !== authorId) throw new ForbiddenError('post.author-only');
}

/**
 * Moderating a space (hide content, see reports, block someone): a section's secretary and web
 * referent (and officials above); a group's managers; a federation's officers; national admins everywhere.
 */
export function mayModerateSpace(caller: Caller, space: Space, facts: SpaceFacts, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (space.type === 'group' && isGroupManager(facts.group)) return;
  if (!officialOver(person, space)) throw new ForbiddenError('moderation.moderators-only');
  usePowers(person, options);
}

/** Escalated reports are the national admins' to see. */
export function mayViewEscalations(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('moderation.admins-only');
  usePowers(person, options);
}
