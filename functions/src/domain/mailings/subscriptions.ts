import type { z } from 'zod';
import type { MailSubscriptionsChange, MyMailSubscriptions } from '../../contracts/mailings';
import { requirePerson } from '../access/authority';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { NotFoundError } from '../errors';
import { changeMailPreference, ensureMailPreference, subscribed, subscriptionKey, type MailPreference, type SubscriptionKind } from '../mail/preferences';
import { GroupEntity } from '../social/entities';
import { spaceKeyOf, type SpaceRef } from '../spaces/resolve';
import { SectionEntity } from '../territory/entities';

type Subscriptions = z.output<typeof MyMailSubscriptions>;
type Change = z.output<typeof MailSubscriptionsChange>;
type NamedSpace = SpaceRef & { type: 'national' | 'federation' | 'section' | 'group'; name: string };

const kinds: SubscriptionKind[] = ['messages'];

/**
 * « Mails reçus » (issue 16): the person's bulk mail in the one subscription model (mail/preferences.ts)
 * — the event announcements' switch, and each space whose messages reach them, per kind. Only the
 * spaces they belong to are listed or changed (the national level, their federation, their section,
 * their groups): any other is not found, as if it did not exist.
 */
async function mySpaces(caller: Caller): Promise<NamedSpace[]> {
  const person = requirePerson(caller);
  const item = await callerItem(person);
  const [section, groups] = await Promise.all([
    person.sectionId ? SectionEntity.get({ sectionId: person.sectionId }).go({ attributes: ['sectionId', 'name'] }) : undefined,
    person.groupIds?.length ? GroupEntity.get(person.groupIds.map((groupId) => ({ groupId }))).go({ attributes: ['groupId', 'name'] }) : undefined,
  ]);
  const spaces: NamedSpace[] = [];
  if (person.federationCode) {
    // Named as the mails' senders are (spaces/resolve.ts's labels).
    spaces.push({ type: 'national', id: 'national', name: 'Coopol national' });
    spaces.push({ type: 'federation', id: person.federationCode, name: item?.federationName ?? person.federationCode });
  }
  if (person.sectionId && section?.data) spaces.push({ type: 'section', id: person.sectionId, name: section.data.name });
  for (const group of (groups?.data ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'))) spaces.push({ type: 'group', id: group.groupId, name: `Groupe ${group.name}` });
  return spaces;
}

const answer = (spaces: NamedSpace[], preference: MailPreference): Subscriptions => ({
  eventAnnouncements: preference.eventAnnouncements,
  items: spaces.flatMap((space) => kinds.map((kind) => ({ space: { type: space.type, id: space.id, name: space.name }, kind, subscribed: subscribed(preference, spaceKeyOf(space), kind) }))),
});

/** GET /api/me/mail-subscriptions: the caller's preference (made if absent) and their spaces, read in parallel. */
export async function myMailSubscriptions(caller: Caller): Promise<Subscriptions> {
  const { userId } = requirePerson(caller);
  const [spaces, preference] = await Promise.all([mySpaces(caller), ensureMailPreference(userId)]);
  return answer(spaces, preference);
}

/** PATCH /api/me/mail-subscriptions: each item must be one of the caller's spaces (else 404, nothing changed). */
export async function changeMyMailSubscriptions(caller: Caller, change: Change): Promise<Subscriptions> {
  const { userId } = requirePerson(caller);
  const spaces = await mySpaces(caller);
  const mine = new Set(spaces.map((s) => spaceKeyOf(s)));
  const leave: string[] = [];
  const join: string[] = [];
  (change.items ?? []).forEach((item, i) => {
    const key = spaceKeyOf(item.space);
    if (!mine.has(key)) throw new NotFoundError('space.not-found', `body.items.${i}.space`);
    (item.subscribed ? join : leave).push(subscriptionKey(key, item.kind));
  });
  const preference = await changeMailPreference(userId, { eventAnnouncements: change.eventAnnouncements, leave, join });
  return answer(spaces, preference);
}
