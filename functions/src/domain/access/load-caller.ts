import type { EntityItem } from 'electrodb';
import type { Actor } from '../identity/actor';
import { PersonEntity } from '../people/entities';
import type { Caller, PersonFacts } from './caller';

/** What the rules need to know of a person. */
export function factsOf(item: EntityItem<typeof PersonEntity>): PersonFacts {
  return {
    userId: item.userId,
    status: item.status,
    sectionId: item.sectionId,
    federationCode: item.federationCode,
    roles: item.roles ?? [],
    mfaEnabled: item.mfaEnabled,
    visibility: item.visibility,
  };
}

/** The caller of a request, as the rules see them (one GetItem). */
export async function loadCaller(actor: Actor): Promise<Caller> {
  if (actor.kind === 'anonymous') return { kind: 'anonymous' };
  const { data } = await PersonEntity.get({ userId: actor.sub }).go();
  return data ? { kind: 'person', ...factsOf(data) } : { kind: 'unregistered', userId: actor.sub };
}
