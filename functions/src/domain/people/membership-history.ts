import { Entity, type EntityItem } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';

/**
 * Where a person stood in the party's tree, and from when (ADR 0027): one item per change of status,
 * section or federation — at registration, a member-file lapse or move, a supporter's new postal code.
 * The transparency log is read against it: a person sees the reads of the lists they were on at the
 * time, computed when they look, with no write per person per read.
 */
export const MembershipChangeEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'membershipChange', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      status: { type: ['adherent', 'sympathisant'] as const, required: true },
      sectionId: { type: 'string' },
      federationCode: { type: 'string', required: true },
    },
    indexes: {
      // H1: a person's standing over time, oldest first.
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['at'] } },
    },
  },
  entityConfig,
);

export type Standing = Pick<EntityItem<typeof MembershipChangeEntity>, 'status' | 'sectionId' | 'federationCode'>;

/** A stretch of time during which the person stood in one place (`until`: undefined while it lasts). */
export interface Spell extends Standing {
  from: string;
  until?: string;
}

/**
 * The person's spells, oldest first (H1: one Query). An account older than the history has one
 * spell, from its creation, in its current place.
 */
export async function spellsOf(person: Standing & { userId: string; createdAt: string }): Promise<Spell[]> {
  const { data } = await MembershipChangeEntity.query.byPerson({ userId: person.userId }).go({ pages: 'all' });
  if (!data.length) return [{ status: person.status, sectionId: person.sectionId, federationCode: person.federationCode, from: person.createdAt }];
  return data.map((change, i) => ({
    status: change.status,
    sectionId: change.sectionId,
    federationCode: change.federationCode,
    from: change.at,
    until: data[i + 1]?.at,
  }));
}

/** Whether a change of standing moves the person between lists (status, section or federation). */
export const standingChanged = (before: Standing, after: Standing) =>
  before.status !== after.status || (before.sectionId ?? null) !== (after.sectionId ?? null) || before.federationCode !== after.federationCode;
