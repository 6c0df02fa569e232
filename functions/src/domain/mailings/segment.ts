import type { Segment } from '../../contracts/mailings';
import { pool } from '../../shared/pool';
import type { Caller } from '../access/caller';
import { factsOf } from '../access/load-caller';
import { inAudience } from '../access/policy';
import { AttendanceEntity, EventEntity, SlotSignupEntity } from '../events/entities';
import { inactiveBefore, lastActivitiesOf } from '../people/activity';
import type { SpacePerson } from '../spaces/people';

/**
 * Who of a space's people a message's segment keeps (ADR 0028): built only from what the sender may
 * already see — their status, the interests each person shows the sender, their part in the space's
 * own actions, how long since they last used Coopol —, never from a group's membership. The actions'
 * volunteers are read once per run (the space's agenda over the months asked, E2, then each event's
 * sign-ups, E9); the last days of activity once per page (AC2), only when the segment asks for them.
 */
export type Keep = (people: SpacePerson[]) => Promise<SpacePerson[]>;

const monthsAgo = (months: number) => {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() - months);
  return at.toISOString();
};

/** Who signed up for a slot of the space's actions that started in the last `months` months. */
async function volunteersOf(spaceKey: string, months: number): Promise<Set<string>> {
  const { data: events } = await EventEntity.query
    .bySpace({ spaceKey })
    .between({ startsAt: monthsAgo(months) }, { startsAt: new Date().toISOString() })
    .go({ pages: 'all', attributes: ['eventId', 'status'] });
  const signups = await pool(events, 8, async ({ eventId }) => (await SlotSignupEntity.query.byEvent({ eventId }).go({ pages: 'all', attributes: ['userId'] })).data);
  return new Set(signups.flat().map((s) => s.userId));
}

/** Who is coming to (or might), or signed up for a slot of, one event. */
async function takingPartIn(eventId: string): Promise<Set<string>> {
  const [attendances, signups] = await Promise.all([
    AttendanceEntity.query.byEvent({ eventId }).go({ pages: 'all', attributes: ['userId', 'state'] }),
    SlotSignupEntity.query.byEvent({ eventId }).go({ pages: 'all', attributes: ['userId'] }),
  ]);
  const ids = [...attendances.data.filter((a) => a.state === 'going' || a.state === 'maybe').map((a) => a.userId), ...signups.data.map((s) => s.userId)];
  return new Set(ids.filter((id): id is string => Boolean(id)));
}

/** Whether an event is one of the space's own (the exclusion and the promoted event must be). */
export async function eventOfSpace(eventId: string, spaceKey: string): Promise<boolean> {
  const { data } = await EventEntity.get({ eventId }).go({ attributes: ['spaceKey'] });
  return data?.spaceKey === spaceKey;
}

/**
 * Inactive for `months`: no signed-in visit since that day. Someone with no day recorded counts from
 * their account's creation (the days are recorded since issue 16: an older account without one is inactive).
 */
function inactiveTest(months: number) {
  const before = inactiveBefore(months);
  return (person: SpacePerson, lastDay: string | undefined) => (lastDay ?? person.createdAt.slice(0, 10)) < before;
}

/** The segment's test of a page of people, as `sender` sees them. No segment: everyone of the space. */
export async function segmentFilter(segment: Segment | undefined, spaceKey: string, sender: Caller): Promise<Keep> {
  if (!segment) return async (people) => people;
  const [volunteers, excludedVolunteers, excludedEvent] = await Promise.all([
    segment.volunteersWithinMonths ? volunteersOf(spaceKey, segment.volunteersWithinMonths) : undefined,
    segment.excludeVolunteersWithinMonths ? volunteersOf(spaceKey, segment.excludeVolunteersWithinMonths) : undefined,
    segment.excludeEventId ? takingPartIn(segment.excludeEventId) : undefined,
  ]);
  const interests = segment.interests?.map((i) => i.toLocaleLowerCase('fr'));
  const inactive = segment.inactiveForMonths ? inactiveTest(segment.inactiveForMonths) : undefined;
  const keeps = (person: SpacePerson) => {
    if (segment.status === 'adherents' && person.status !== 'adherent') return false;
    if (segment.status === 'sympathisants' && person.status !== 'sympathisant') return false;
    if (volunteers && !volunteers.has(person.userId)) return false;
    if (excludedVolunteers?.has(person.userId) || excludedEvent?.has(person.userId)) return false;
    if (interests?.length) {
      // Only interests the person shows the sender count: a hidden interest never selects anyone.
      if (!inAudience(sender, factsOf(person), 'interests')) return false;
      if (!person.interests?.some((i) => interests.includes(i.toLocaleLowerCase('fr')))) return false;
    }
    return true;
  };
  return async (people) => {
    const kept = people.filter(keeps);
    if (!inactive) return kept;
    const lastDays = await lastActivitiesOf(kept.map((p) => p.userId));
    return kept.filter((p) => inactive(p, lastDays.get(p.userId)));
  };
}
