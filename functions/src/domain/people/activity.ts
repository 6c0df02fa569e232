import { Entity, type EntityItem } from 'electrodb';
import { parisDay } from '../../contracts/paris-time';
import { isConditionFailure } from '../../shared/conditions';
import { documentClient, tableName } from '../../shared/dynamodb';
import { logger } from '../../shared/logger';

/**
 * The last day each person used Coopol (issue 16: « inactifs depuis N mois »), to the day, in its own
 * small item so that the person's item (and its stream) is not rewritten every day. Read with the
 * caller (access/load-caller.ts, in its one BatchGetItem) and written at most once a day per person,
 * beside the request's own work: a conditional write that never delays nor fails the answer.
 */
export const LastActivityEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'lastActivity', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      /** Paris day, `2026-12-02`. */
      day: { type: 'string', required: true },
    },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);
export type LastActivity = EntityItem<typeof LastActivityEntity>;

export const today = (now = new Date()) => parisDay(now);

/** Whether a signed-in request today has to write the day (not yet written today). */
export const activityIsStale = (known: LastActivity | undefined, day = today()) => !known || known.day < day;

/**
 * Records that the person used Coopol today (AC1): one PutItem, conditioned on the day stored being
 * older, so that two requests at once write it once and a late one never moves it back. Never throws.
 */
export async function recordActivity(userId: string, day = today()): Promise<void> {
  try {
    await LastActivityEntity.put({ userId, day })
      .where((attr, { notExists, lt }) => `${notExists(attr.day)} OR ${lt(attr.day, day)}`)
      .go({ response: 'none' });
  } catch (error) {
    if (isConditionFailure(error)) return; // written today already, by a request at the same time
    logger.warn('last activity not recorded', { error: String(error) });
  }
}

/** The first day before which a person counts as inactive for `months` months. */
export function inactiveBefore(months: number, now = new Date()): string {
  const at = new Date(now);
  at.setUTCMonth(at.getUTCMonth() - months);
  return parisDay(at);
}

/** Of these people, the last day each used Coopol, for those who have one (AC2: BatchGetItem of 100 keys each). */
export async function lastActivitiesOf(userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const { data } = await LastActivityEntity.get(userIds.map((userId) => ({ userId }))).go({ concurrency: 4 });
  return new Map(data.map((a) => [a.userId, a.day]));
}
