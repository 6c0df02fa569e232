import type { EntityItem } from 'electrodb';
import type { Person, Space } from '../access/authority';
import type { SpaceFacts } from '../access/rules/spaces';
import { spaceKeyOf } from '../spaces/keys';
import type { ConversationEntity } from './entities';
import { salonConversationId } from './ids';

/**
 * A salon's space, from its id or its item, as the routes and the stream job need it — apart from
 * `salons.ts` (its routes, which read the policy's options) so the stream job and every conversation
 * route load only this (ADR 0029 § Salons).
 */

export type SalonSpaceRef = { type: 'section' | 'group'; id: string };
type ConversationItem = EntityItem<typeof ConversationEntity>;

export const salonIdOf = (space: SalonSpaceRef) => salonConversationId(spaceKeyOf(space));

/** The space a salon's id names, or null for a direct conversation. */
export function salonSpaceOf(conversationId: string): SalonSpaceRef | null {
  const match = /^s\.(section|group):(.+)$/.exec(conversationId);
  return match ? { type: match[1] as SalonSpaceRef['type'], id: match[2]! } : null;
}

/**
 * A salon's space as the rules take it, and the caller's facts there from the caller alone (their
 * groups are on their person item): no read, so every salon route can ask it.
 */
export function salonRuleSpace(person: Person, salon: Pick<ConversationItem, 'spaceType' | 'spaceId' | 'federationCode'>): { space: Space; facts: SpaceFacts } {
  const id = salon.spaceId ?? '';
  if (salon.spaceType === 'section') return { space: { type: 'section', id, federationCode: salon.federationCode }, facts: {} };
  return { space: { type: 'group', id }, facts: person.groupIds?.includes(id) ? { group: { state: 'member', role: 'member' } } : {} };
}

/** A person as the stream carries them: what says which spaces they are in. */
export interface StreamedPerson {
  userId: string;
  status?: string;
  sectionId?: string;
  groupIds?: Iterable<string>;
}

/**
 * The salons a change of a person takes them out of (the stream job, on `person` MODIFY): the groups
 * they left, and the section they were an adhérent of and no longer are (moved, lapsed, a supporter
 * again). Someone who also runs that section from above is taken out too, and may join it again.
 */
export function salonsLeftBy(before: StreamedPerson | undefined, after: StreamedPerson): string[] {
  if (!before) return [];
  const now = new Set(after.groupIds ?? []);
  const left = [...(before.groupIds ?? [])].filter((groupId) => !now.has(groupId)).map((id) => salonIdOf({ type: 'group', id }));
  const wasIn = before.status === 'adherent' ? before.sectionId : undefined;
  const isIn = after.status === 'adherent' ? after.sectionId : undefined;
  if (wasIn && wasIn !== isIn) left.push(salonIdOf({ type: 'section', id: wasIn }));
  return left;
}
