import { randomBytes } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { reading, type Reading } from '../../shared/read-together';
import { MailPreferenceEntity, preferenceService, UnsubscribeLinkEntity } from './preference-entities';
import { NotFoundError } from '../errors';
import { itemsOf, writeTogether } from './bulk/transaction';
import { hashedAddress, suppress, SuppressionEntity } from './suppression';
import { writtenUnlessRefused } from '../../shared/conditions';
import { PersonEmailEntity, PersonEntity } from '../people/entities';
import { spaceKeyOf } from '../spaces/keys';

/**
 * The one subscription model of bulk mail to members (ADR 0028): a person's mail preference (E14)
 * holds their choice about event announcements and the spaces whose messages they left, per space
 * and kind (`section:mulhouse/messages`), with the one secret of their one-click links (E15).
 * Announcements and messages read it once per page of the bulk-mail engine; each unsubscribe route
 * (RFC 8058: a bare POST) changes it at once.
 */
export type MailPreference = EntityItem<typeof MailPreferenceEntity>;
export type SubscriptionKind = 'messages';

/** `section:mulhouse/messages`: what a one-click link of a space's message unsubscribes from. */
export const subscriptionKey = (spaceKey: string, kind: SubscriptionKind) => `${spaceKey}/${kind}`;

/** Whether the person still receives this space's messages of this kind. */
export const subscribed = (preference: MailPreference, spaceKey: string, kind: SubscriptionKind) => !preference.unsubscribedFrom?.includes(subscriptionKey(spaceKey, kind));

/**
 * Each person's preference (one BatchGet); those who have none yet get one with its link's secret, all
 * in one transaction (≤ 48 people: 96 items), created only if absent — another run's stands.
 */
export async function ensureMailPreferences(people: { userId: string }[]): Promise<Map<string, MailPreference>> {
  const { data } = people.length ? await MailPreferenceEntity.get(people.map(({ userId }) => ({ userId }))).go() : { data: [] };
  return withMissingMade(people, data);
}

/** The same, its BatchGet read with others (`readingsTogether`: the bulk-mail engine reads a page's with its receipts). */
export const mailPreferencesOf = (people: { userId: string }[]): Reading<Promise<Map<string, MailPreference>>> =>
  reading(MailPreferenceEntity, people.map(({ userId }) => ({ userId })), (found) => withMissingMade(people, found));

/** The preferences found, and those of the people who had none, made (read again, consistently, if another run made some meanwhile). */
async function withMissingMade(people: { userId: string }[], found: MailPreference[]): Promise<Map<string, MailPreference>> {
  const known = new Map(found.map((p) => [p.userId, p]));
  for (let attempt = 0; ; attempt += 1) {
    const missing = people.filter((p) => !known.has(p.userId));
    if (!missing.length) return known;
    if (attempt >= 3) throw new Error('mail preferences could not be made');
    const created = missing.map(({ userId }) => ({ userId, eventAnnouncements: true, unsubscribeToken: randomBytes(24).toString('base64url') }));
    const written = await writeTogether(
      itemsOf(preferenceService.transaction.write(({ preference, unsubscribe }) => created.flatMap((p) => [preference.create(p).commit(), unsubscribe.create({ token: p.unsubscribeToken, userId: p.userId }).commit()]))),
    );
    if (written.written) for (const p of created) known.set(p.userId, p);
    else {
      // Refused: someone's preference was made meanwhile; read again and make the rest.
      const { data } = await MailPreferenceEntity.get(missing.map(({ userId }) => ({ userId }))).go({ consistent: true });
      for (const p of data) known.set(p.userId, p);
    }
  }
}

/** One person's preference, made with its link's secret if they have none yet (the same one place). */
export const ensureMailPreference = async (userId: string): Promise<MailPreference> => (await ensureMailPreferences([{ userId }])).get(userId)!;

/**
 * Changes a person's choices: the announcements' switch and, per space and kind, in or out. ADD and
 * DELETE of the one set cannot share an UpdateItem: one each, only for what is asked.
 */
export async function changeMailPreference(userId: string, change: { eventAnnouncements?: boolean; leave: string[]; join: string[] }): Promise<MailPreference> {
  let preference = await ensureMailPreference(userId);
  if (change.eventAnnouncements !== undefined || change.leave.length) {
    const set = MailPreferenceEntity.patch({ userId }).set({ eventAnnouncements: change.eventAnnouncements ?? preference.eventAnnouncements });
    const { data } = await (change.leave.length ? set.add({ unsubscribedFrom: change.leave }) : set).go({ response: 'all_new' });
    preference = data as MailPreference;
  }
  if (change.join.length) {
    preference = (await MailPreferenceEntity.patch({ userId }).delete({ unsubscribedFrom: change.join }).go({ response: 'all_new' })).data as MailPreference;
  }
  return preference;
}

async function preferenceOfToken(token: string) {
  const { data: link } = await UnsubscribeLinkEntity.get({ token }).go();
  if (!link) throw new NotFoundError('unsubscribe.not-found', 'params.token');
  return link.userId;
}

/** One-click unsubscribe from event announcements (RFC 8058: a POST, no further step). */
export async function unsubscribeFromAnnouncements(token: string): Promise<void> {
  const userId = await preferenceOfToken(token);
  await MailPreferenceEntity.patch({ userId }).set({ eventAnnouncements: false }).go();
}

/** One-click unsubscribe from one space's messages of one kind; the others stay. True the first time. */
export async function unsubscribeFromSpace(token: string, spaceKey: string, kind: SubscriptionKind): Promise<boolean> {
  const userId = await preferenceOfToken(token);
  const { data } = await MailPreferenceEntity.patch({ userId }).add({ unsubscribedFrom: [subscriptionKey(spaceKey, kind)] }).go({ response: 'all_old' });
  return subscribed(data as MailPreference, spaceKey, kind);
}

/** The spaces whose messages reach a person whatever groups they join: the national level, their federation, their section. */
export const ownSpaceKeys = (place: { federationCode: string; sectionId?: string }) => [
  spaceKeyOf({ type: 'national', id: 'national' }),
  spaceKeyOf({ type: 'federation', id: place.federationCode }),
  ...(place.sectionId ? [spaceKeyOf({ type: 'section', id: place.sectionId })] : []),
];

/**
 * The launch mail's « ne plus rien recevoir de Coopol » (its one-click link). The preregistration is
 * erased with its address, so the choice is kept as a bulk-mail suppression of the address's hash only
 * (MS1 reads both forms): Coopol no longer stores the address, and still never sends it bulk mail;
 * mails the person asks for (a code, a link) still go. If the address already has an account, the
 * choice is the account's preference at once (below).
 */
export async function withdrawAddressFromBulkMail(email: string): Promise<void> {
  await suppress(hashedAddress(email), 'unsubscribe');
  const { data: account } = await PersonEmailEntity.get({ email: email.toLowerCase() }).go();
  const person = account && (await PersonEntity.get({ userId: account.userId }).go({ attributes: ['userId', 'federationCode', 'sectionId'] })).data;
  if (person?.federationCode) await carryWithdrawalToAccount(person.userId, email, ownSpaceKeys({ federationCode: person.federationCode, sectionId: person.sectionId }));
}

/**
 * An account's address withdrawn from bulk mail becomes the account's preference, where the person
 * sees and changes it (« Mails reçus »): no event announcements, no messages from their own spaces;
 * the suppression is then removed, so that it never silently blocks a space they join later. Run when
 * the account is made and when an account's address withdraws. An older plain-address unsubscribe is
 * carried the same way; a bounce or complaint recorded meanwhile stays (its condition refuses the delete).
 */
export async function carryWithdrawalToAccount(userId: string, email: string, spaceKeys: string[]): Promise<boolean> {
  const keys = [email.toLowerCase(), hashedAddress(email)];
  const { data } = await SuppressionEntity.get(keys.map((key) => ({ email: key }))).go({ consistent: true });
  const withdrawn = data.filter((s) => s?.reason === 'unsubscribe');
  if (!withdrawn.length) return false;
  await changeMailPreference(userId, { eventAnnouncements: false, leave: spaceKeys.map((key) => subscriptionKey(key, 'messages')), join: [] });
  await Promise.all(withdrawn.map((s) => writtenUnlessRefused(SuppressionEntity.delete({ email: s.email }).where((attr, { eq }) => eq(attr.reason, 'unsubscribe')).go())));
  return true;
}
