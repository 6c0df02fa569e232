import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { EntityItem } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import type { Actor } from '../identity/actor';
import { assertSessionValid, SessionEntity, SessionsValidAfterEntity } from '../identity/sessions';
import { activityIsStale, LastActivityEntity, recordActivity, type LastActivity } from '../people/activity';
import { PersonEntity } from '../people/entities';
import type { Caller, PersonFacts } from './caller';

/** What the rules need to know of a person (`mfaVerified`: of the session the caller signed in with). */
export function factsOf(item: EntityItem<typeof PersonEntity>, mfaVerified = false): PersonFacts {
  return {
    userId: item.userId,
    status: item.status,
    sectionId: item.sectionId,
    federationCode: item.federationCode,
    roles: item.roles ?? [],
    mfaVerified,
    visibility: item.visibility,
    groupIds: item.groupIds ?? [],
  };
}

type PersonItem = EntityItem<typeof PersonEntity>;

// The item each caller was loaded from, so that a service answering about the caller themselves
// (my profile) does not read it a second time. The rules only ever see the facts.
const loadedItems = new WeakMap<Caller, PersonItem>();
// Callers of a signed-in request whose last day of activity is not today yet (read with them).
const activityToWrite = new WeakSet<Caller>();

type Key = Record<string, string>;
const keyOf = (params: { Key?: Key }) => params.Key as Key;
const sameKey = (item: Record<string, unknown>, key: Key) => item.pk === key.pk && item.sk === key.sk;

/** GetItem of up to four keys in one BatchGetItem (again for what DynamoDB left unprocessed). */
async function getAll(keys: Key[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let pending: Key[] = keys;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    if (attempt > 5) throw new Error('BatchGetItem left keys unprocessed after 5 tries');
    const result = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
    found.push(...((result.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
    pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
  }
  return found;
}

/**
 * The caller of a request, as the rules see them: their person, their « sessions valid after » and
 * their session, in one BatchGetItem. A token whose session has ended is refused (401) here, for
 * every route at once; whether the session passed the TOTP step becomes `mfaVerified`. Their last day
 * of activity comes in the same BatchGetItem (`recordCallerActivity` writes today's once a day).
 */
export async function loadCaller(actor: Actor): Promise<Caller> {
  if (actor.kind === 'anonymous') return { kind: 'anonymous' };
  const personKey = keyOf(PersonEntity.get({ userId: actor.sub }).params());
  if (!actor.session) {
    // Built in-process (the demo seed, calendar feeds): no token, no session to check.
    const { data } = await PersonEntity.get({ userId: actor.sub }).go();
    return data ? remember({ kind: 'person', ...factsOf(data) }, data) : { kind: 'unregistered', userId: actor.sub };
  }
  const validAfterKey = keyOf(SessionsValidAfterEntity.get({ userId: actor.sub }).params());
  const sessionKey = actor.session.id ? keyOf(SessionEntity.get({ userId: actor.sub, sessionId: actor.session.id }).params()) : undefined;
  const activityKey = keyOf(LastActivityEntity.get({ userId: actor.sub }).params());
  const items = await getAll([personKey, validAfterKey, activityKey, ...(sessionKey ? [sessionKey] : [])]);
  const find = (key: Key | undefined) => (key ? items.find((item) => sameKey(item, key)) : undefined);
  const parse = <E extends { parse: (input: { Item: Record<string, unknown> }) => { data: unknown } }>(entity: E, item: Record<string, unknown> | undefined) =>
    item ? (entity.parse({ Item: item }).data as ReturnType<E['parse']>['data']) : undefined;

  const session = parse(SessionEntity, find(sessionKey)) as EntityItem<typeof SessionEntity> | undefined;
  const validAfter = parse(SessionsValidAfterEntity, find(validAfterKey)) as EntityItem<typeof SessionsValidAfterEntity> | undefined;
  const record = assertSessionValid(actor.session, session, validAfter?.validAfter);
  const person = parse(PersonEntity, find(personKey)) as PersonItem | undefined;
  if (!person) return { kind: 'unregistered', userId: actor.sub };
  const caller = remember({ kind: 'person', ...factsOf(person, record.mfa) }, person);
  if (activityIsStale(parse(LastActivityEntity, find(activityKey)) as LastActivity | undefined)) activityToWrite.add(caller);
  return caller;
}

/** Today's activity of a signed-in caller, written once a day beside the route's work (never fails). */
export async function recordCallerActivity(caller: Caller): Promise<void> {
  if (caller.kind !== 'person' || !activityToWrite.has(caller)) return;
  activityToWrite.delete(caller);
  await recordActivity(caller.userId);
}

function remember(caller: Caller, item: PersonItem): Caller {
  loadedItems.set(caller, item);
  return caller;
}

/** The person item a caller was loaded from (read again only for a caller built some other way). */
export async function callerItem(caller: Extract<Caller, { kind: 'person' }>): Promise<PersonItem | undefined> {
  return loadedItems.get(caller) ?? (await PersonEntity.get({ userId: caller.userId }).go()).data ?? undefined;
}

/** A person as the rules see them, for work done on their behalf outside a request of theirs (a calendar feed polled by an app). */
export const loadPersonAsCaller = (userId: string): Promise<Caller> => loadCaller({ kind: 'user', sub: userId, email: null });
