import { createHash, randomBytes } from 'node:crypto';

/**
 * The identifiers of messaging (ADR 0029), pure functions so every route, job and test names things
 * the same way. Not ADR 0022's comment « conversations ».
 */

/** At most this many people in a direct conversation, the creator included. */
export const maxParticipants = 50;

/** The people of a conversation, once each, in a stable order (the creator included). */
export function peopleOf(creatorId: string, participantIds: readonly string[]): string[] {
  return [...new Set([creatorId, ...participantIds])].sort();
}

/**
 * A direct conversation's id is derived from its people: the same set (in any order, repeated or
 * not) always names the same item, so starting it twice is a conditional Put that finds the first.
 */
export function directConversationId(people: readonly string[]): string {
  const sorted = [...new Set(people)].sort();
  return `d.${createHash('sha256').update(sorted.join(',')).digest('base64url').slice(0, 22)}`;
}

/** A space's « salon »: one per space, named by its `spaceKeyOf` (domain/spaces/resolve.ts, ADR 0017). */
export const salonConversationId = (spaceKey: string) => `s.${spaceKey}`;

/** Milliseconds in base 36 on 9 characters: ordered as text until the year 5188. */
const timeWidth = 9;

/**
 * A message id sorts by its send instant (then at random within one millisecond), so the history is
 * one Query by pages, newest first, on the sort key alone.
 */
export function newMessageId(at: Date = new Date(), random: () => string = () => randomBytes(4).toString('hex').slice(0, 6)): string {
  return `${at.getTime().toString(36).padStart(timeWidth, '0')}.${random()}`;
}

/** The instant a message id carries (its sort key is its time). */
export function messageInstant(messageId: string): Date {
  return new Date(Number.parseInt(messageId.slice(0, timeWidth), 36));
}

/** A realtime ticket is stored by this hash only: whoever reads the table cannot connect with it. */
export const ticketKey = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');

/** A new ticket: 32 random bytes, URL-safe (it travels as `?ticket=` on the WebSocket URL). */
export const newTicket = () => randomBytes(32).toString('base64url');
