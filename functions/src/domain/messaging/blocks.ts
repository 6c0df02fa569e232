import type { z } from 'zod';
import type { BlockList } from '../../contracts/messaging';
import type { Caller } from '../access/caller';
import { requirePerson } from '../access/authority';
import { mayFind } from '../access/rules/people';
import { NotFoundError, ValidationError } from '../errors';
import { PersonEntity } from '../people/entities';
import { FriendshipEntity } from '../social/entities';
import { displayName } from '../social/spaces';
import { PersonBlockEntity } from './entities';

/**
 * Blocking a person (issue 15, ADR 0029, M9): nobody writes to the other any more, either way. One
 * blocks only someone one may find (« qui peut me trouver ») — anyone else is answered as an unknown
 * id, a 404, so that the route tells nothing of who is on Coopol (art. 9). The blocked person is not
 * told; their attempt to write is refused (`messaging.blocked`).
 */
export async function blockPerson(caller: Caller, userId: string): Promise<{ ok: true }> {
  const me = requirePerson(caller);
  if (userId === me.userId) throw new ValidationError([{ field: 'params.userId', message: 'on ne se bloque pas soi-même' }]);
  const [{ data: other }, { data: friendship }] = await Promise.all([PersonEntity.get({ userId }).go(), FriendshipEntity.get({ userId: me.userId, friendId: userId }).go()]);
  if (!other || !mayFind(caller, other, friendship?.state === 'friends')) throw new NotFoundError('person.not-found', 'params.userId');
  await PersonBlockEntity.put({ userId: me.userId, blockedId: userId, at: new Date().toISOString() }).go();
  return { ok: true };
}

/** Unblocks; unblocking someone not blocked changes nothing (the same answer: it tells nothing either). */
export async function unblockPerson(caller: Caller, userId: string): Promise<{ ok: true }> {
  const me = requirePerson(caller);
  await PersonBlockEntity.delete({ userId: me.userId, blockedId: userId }).go();
  return { ok: true };
}

/** The people I blocked, newest first, with their names (one Query and one BatchGet: at most 500). */
export async function myBlocks(caller: Caller): Promise<z.input<typeof BlockList>> {
  const me = requirePerson(caller);
  const { data } = await PersonBlockEntity.query.byPerson({ userId: me.userId }).go({ limit: 500 });
  const { data: people } = data.length ? await PersonEntity.get(data.map((b) => ({ userId: b.blockedId }))).go({ attributes: ['userId', 'givenName', 'familyName'] }) : { data: [] };
  const names = new Map(people.map((p) => [p.userId, displayName(p)]));
  return {
    items: data
      .filter((b) => names.has(b.blockedId))
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((b) => ({ userId: b.blockedId, displayName: names.get(b.blockedId)!, since: b.at })),
  };
}
