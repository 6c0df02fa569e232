import type { z } from 'zod';
import type { RealtimeEvent, RealtimeTicket } from '../../contracts/messaging';
import { isConditionFailure } from '../../shared/conditions';
import type { Caller } from '../access/caller';
import { requirePerson } from '../access/authority';
import { newTicket, ticketKey } from './ids';
import { RealtimeConnectionEntity, RealtimeTicketEntity } from './entities';

/**
 * The live channel's tickets and connections (ADR 0029, M11–M12). The browser trades its Cognito
 * session for a one-minute, single-use ticket over the HTTP API, then opens the WebSocket with
 * `?ticket=`: the token never goes in a URL. The `$connect` authorizer consumes the ticket; the
 * connection is an item of its person, pushed to by the stream job.
 */

export const ticketSeconds = 60;
/** API Gateway closes a WebSocket after 2 h: the item outlives it a little, then TTL removes it. */
const connectionSeconds = 2 * 3600 + 600;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** POST /api/realtime/ticket: a new ticket for the caller, stored by its hash only (M12). */
export async function issueTicket(caller: Caller, url: string): Promise<z.input<typeof RealtimeTicket>> {
  const person = requirePerson(caller);
  const ticket = newTicket();
  const expiresAt = nowSeconds() + ticketSeconds;
  await RealtimeTicketEntity.create({ ticketHash: ticketKey(ticket), userId: person.userId, expiresAt }).go();
  return { ticket, url, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/**
 * The authorizer's check: the ticket's person, once. The Delete is conditioned on the item existing,
 * so two connections racing with one ticket get one person and one refusal; an expired ticket is
 * refused even before DynamoDB's TTL has removed it.
 */
export async function consumeTicket(ticket: string | undefined): Promise<string | null> {
  if (!ticket || ticket.length > 100) return null;
  const removed = await RealtimeTicketEntity.delete({ ticketHash: ticketKey(ticket) })
    .where(({ ticketHash }, { exists }) => exists(ticketHash))
    .go({ response: 'all_old' })
    .catch((error: unknown) => {
      if (isConditionFailure(error)) return null;
      throw error;
    });
  const old = removed?.data;
  if (!old || old.expiresAt <= nowSeconds()) return null;
  return old.userId;
}

/** `$connect`, once the authorizer let it through: the connection is its person's (M11). */
export async function openConnection(userId: string, connectionId: string): Promise<void> {
  await RealtimeConnectionEntity.put({ userId, connectionId, connectedAt: new Date().toISOString(), expiresAt: nowSeconds() + connectionSeconds }).go();
}

/** `$disconnect` knows only the connection's id: found on gsi1, then deleted. */
export async function closeConnection(connectionId: string): Promise<void> {
  const { data } = await RealtimeConnectionEntity.query.byConnection({ connectionId }).go();
  await Promise.all(data.map((item) => RealtimeConnectionEntity.delete({ userId: item.userId, connectionId }).go()));
}

export type Push = { sent: number; gone: number };

/** Each person's open connections (M11: one Query each, in parallel), for more than one push. */
export async function liveConnectionsOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
  const now = nowSeconds();
  const entries = await Promise.all(
    userIds.map(async (userId) => {
      const { data } = await RealtimeConnectionEntity.query.byPerson({ userId }).go({ pages: 'all' });
      return [userId, data.filter((connection) => connection.expiresAt > now).map((connection) => connection.connectionId)] as const;
    }),
  );
  return new Map(entries);
}

/**
 * Pushes each person's events to every connection they have open (M11: one Query each, in
 * parallel, unless `connections` were read already). A connection API Gateway says is gone (410) is
 * deleted — that one only. `post` is the management API's call (shared/realtime-push.ts), passed in
 * so this module loads no SDK client.
 */
export async function pushToPeople(
  events: ReadonlyMap<string, readonly RealtimeEvent[]>,
  post: (connectionId: string, data: string) => Promise<'sent' | 'gone'>,
  connections?: ReadonlyMap<string, readonly string[]>,
): Promise<Push> {
  const totals: Push = { sent: 0, gone: 0 };
  const people = [...events].filter(([, frames]) => frames.length);
  const open = connections ?? (await liveConnectionsOf(people.map(([userId]) => userId)));
  await Promise.all(
    people.flatMap(([userId, frames]) =>
      (open.get(userId) ?? []).map(async (connectionId) => {
        for (const frame of frames) {
          if ((await post(connectionId, JSON.stringify(frame))) === 'gone') {
            totals.gone += 1;
            await RealtimeConnectionEntity.delete({ userId, connectionId }).go();
            return;
          }
          totals.sent += 1;
        }
      }),
    ),
  );
  return totals;
}
