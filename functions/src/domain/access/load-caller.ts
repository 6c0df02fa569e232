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
    groupIds: item.groupIds ?? [],
  };
}

type PersonItem = EntityItem<typeof PersonEntity>;

// The item each caller was loaded from, so that a service answering about the caller themselves
// (my profile) does not read it a second time. The rules only ever see the facts.
const loadedItems = new WeakMap<Caller, PersonItem>();

/** The caller of a request, as the rules see them (one GetItem). */
export async function loadCaller(actor: Actor): Promise<Caller> {
  if (actor.kind === 'anonymous') return { kind: 'anonymous' };
  const { data } = await PersonEntity.get({ userId: actor.sub }).go();
  if (!data) return { kind: 'unregistered', userId: actor.sub };
  const caller: Caller = { kind: 'person', ...factsOf(data) };
  loadedItems.set(caller, data);
  return caller;
}

/** The person item a caller was loaded from (read again only for a caller built some other way). */
export async function callerItem(caller: Extract<Caller, { kind: 'person' }>): Promise<PersonItem | undefined> {
  return loadedItems.get(caller) ?? (await PersonEntity.get({ userId: caller.userId }).go()).data ?? undefined;
}
