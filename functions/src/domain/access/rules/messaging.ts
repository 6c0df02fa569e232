import { ForbiddenError, ValidationError } from '../../errors';
import { requirePerson, requireRunsSpace, type GroupStanding, type Person, type PolicyOptions, type Space } from '../authority';
import type { Caller, PersonFacts } from '../caller';
import { inAudience } from './people';
import { canReadSpace, type SpaceFacts } from './spaces';

/** « Qui peut m'écrire » (ADR 0029): coopains only, people who share a space with me, nobody. */
export type WritableBy = 'friends' | 'shared-space' | 'nobody';
export const defaultWritableBy: WritableBy = 'shared-space';

/** The person written to, as the rule needs them (loaded once: P1). */
export interface Recipient extends PersonFacts {
  writableBy?: WritableBy;
}

/** What lies between the writer and the recipient, loaded once per request (S7, M9). */
export interface BetweenUs {
  areFriends: boolean;
  /** A block in either direction (M9 reads both). */
  blocked: boolean;
}

/**
 * Whether the writer and the recipient share a space the writer already knows the recipient is in:
 * the same section (only when the recipient shows their section to the writer), the same federation
 * (where one lives, every person has one: it tells nothing of membership), a group both belong to
 * (its members see each other). Nothing here is learned that the writer could not see already.
 */
export function shareASpace(writer: Person, recipient: PersonFacts, areFriends: boolean): boolean {
  if (writer.federationCode && writer.federationCode === recipient.federationCode) return true;
  if (writer.sectionId && writer.sectionId === recipient.sectionId && inAudience(writer, recipient, 'section', areFriends)) return true;
  const mine = new Set(writer.groupIds ?? []);
  return (recipient.groupIds ?? []).some((groupId) => mine.has(groupId));
}

/**
 * May the caller write to `recipient` (start a conversation, write in a direct one)? A block either
 * way stops it; then the recipient's setting. The refusals are 403 with a clear French text: the
 * writer reached this person through a profile, a coopain link or a space both know of, so the answer
 * tells nothing new — and it never says through which space, nor why (ADR 0029).
 * `field` names the failing input (`body.participantIds.3`).
 */
export function mayWriteTo(caller: Caller, recipient: Recipient, between: BetweenUs, field = 'body.participantIds'): Person {
  const writer = requirePerson(caller);
  if (writer.userId === recipient.userId) throw new ValidationError([{ field, message: 'on ne s’écrit pas à soi-même' }]);
  if (between.blocked) throw new ForbiddenError('messaging.blocked', [{ field, message: 'blocage entre vous' }]);
  const setting = recipient.writableBy ?? defaultWritableBy;
  if (setting === 'nobody') throw new ForbiddenError('messaging.recipient-closed', [{ field, message: 'ne reçoit pas de messages' }]);
  if (between.areFriends) return writer;
  if (setting === 'shared-space' && shareASpace(writer, recipient, between.areFriends)) return writer;
  throw new ForbiddenError('messaging.not-reachable', [{ field, message: 'n’accepte pas vos messages' }]);
}

/**
 * Who may be in a space's salon (ADR 0029): whoever reads the space — a section's adhérents and those
 * who run it from above, a group's members. Asked at every salon route with the caller as loaded for
 * the request, so someone who left the space is out of its salon at once, before the stream job
 * removes them.
 */
export const mayBeInSalon = (caller: Caller, space: Space, facts: SpaceFacts): boolean => canReadSpace(caller, space, facts);

/**
 * Who opens and closes a salon: those who run the space — its officials, with TOTP, as for its events;
 * a group's managers, who hold no role (no TOTP asked of them).
 */
export function mayRunSalon(caller: Caller, space: Space, options: PolicyOptions, standing?: GroupStanding): Person {
  return requireRunsSpace(caller, space, options, 'salon.runners-only', standing);
}
