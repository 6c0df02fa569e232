import type { EntityItem } from 'electrodb';
import type { MemberListRead } from '../../contracts/privacy';
import { requirePerson } from '../access/authority';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { mayActAsPrivacyOfficer, maySeeFederationAccessLog, maySeeSectionAccessLog } from '../access/policy';
import { listKeyOf, listOfKey, MemberListReadEntity, type MemberList } from '../access/transparency-log';
import { NotFoundError } from '../errors';
import { badCursor } from '../paging';
import { spellsOf } from '../people/membership-history';
import { getFederation, getSection } from '../territory/service';
import { retention } from './retention';

/**
 * Reading the transparency log (ADR 0027), which the access module writes (access/transparency-log.ts):
 * a section's or a federation's page for the people on its list, each person's own view computed from
 * the log and their membership history when they look, and the DPO's view of everything.
 */

type ReadItem = EntityItem<typeof MemberListReadEntity>;

/** DynamoDB Local enforces no TTL: an entry past its year is not shown. */
const live = (item: ReadItem) => item.expiresAt * 1000 > Date.now();

const toRead = (item: ReadItem): MemberListRead => ({
  at: item.at, readerName: item.readerName, role: item.role, list: listOfKey(item.list), count: item.count,
});

interface Page {
  cursor?: string;
  limit: number;
}

/** A page of one list's reads, newest first (TL1). */
async function readsOfList(list: MemberList, page: Page) {
  const result = await MemberListReadEntity.query
    .byList({ list: listKeyOf(list) })
    .go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit })
    .catch(badCursor(page.cursor));
  return { items: result.data.filter(live).map(toRead), nextCursor: result.cursor ?? null };
}

/** « Qui a consulté la liste des membres » of a section, for its adhérents (another section's: 404). */
export async function sectionAccessLog(caller: Caller, sectionId: string, page: Page) {
  await getSection(sectionId);
  maySeeSectionAccessLog(caller, sectionId);
  return readsOfList({ type: 'section', id: sectionId }, page);
}

/** The same for a federation, for its adhérents and supporters. */
export async function federationAccessLog(caller: Caller, federationCode: string, page: Page) {
  await getFederation(federationCode);
  maySeeFederationAccessLog(caller, federationCode);
  return readsOfList({ type: 'federation', id: federationCode }, page);
}

/** Reads shown per list in one's own view (the newest). */
const MINE_PER_LIST = 100;

/**
 * The reads of the lists the caller was on at the time, and of their own membership, over the year
 * the log keeps: their membership history (H1) gives where they stood when, then one Query per list
 * and stretch of time (TL1, in parallel; a person has a handful). Nothing is written per person per
 * read, and a list they were not on at that moment is never asked for.
 */
export async function myAccessLog(caller: Caller): Promise<{ items: MemberListRead[]; since: string }> {
  const person = requirePerson(caller);
  const item = await callerItem(person);
  if (!item) throw new NotFoundError('account.not-found');
  const now = new Date().toISOString();
  const since = new Date(Date.now() - retention.memberListRead.seconds * 1000).toISOString();
  const windows: { list: MemberList; from: string; until: string }[] = [{ list: { type: 'person', id: person.userId }, from: since, until: now }];
  for (const spell of await spellsOf(item)) {
    const until = spell.until ?? now;
    if (until < since) continue;
    const from = spell.from > since ? spell.from : since;
    windows.push({ list: { type: 'federation', id: spell.federationCode }, from, until });
    if (spell.status === 'adherent' && spell.sectionId) windows.push({ list: { type: 'section', id: spell.sectionId }, from, until });
  }
  const pages = await Promise.all(
    windows.map(({ list, from, until }) =>
      MemberListReadEntity.query.byList({ list: listKeyOf(list) }).between({ at: from }, { at: until }).go({ order: 'desc', limit: MINE_PER_LIST }),
    ),
  );
  const items = pages
    .flatMap((p) => p.data)
    .filter(live)
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(toRead);
  return { items, since };
}

/** The DPO's view: everything, or one list, or one reader, in a month when asked (TL1, TL2, TL3). */
export async function dpoAccessLog(
  caller: Caller,
  query: { sectionId?: string; federationCode?: string; userId?: string; readerId?: string; month?: string; cursor?: string; limit: number },
) {
  mayActAsPrivacyOfficer(caller, policyOptions);
  const month = query.month;
  const bounds = month ? ([{ at: `${month}-01` }, { at: `${month}-31T99` }] as const) : undefined;
  const list: MemberList | undefined = query.sectionId
    ? { type: 'section', id: query.sectionId }
    : query.federationCode
      ? { type: 'federation', id: query.federationCode }
      : query.userId
        ? { type: 'person', id: query.userId }
        : undefined;
  const options = { order: 'desc' as const, cursor: query.cursor ?? null, limit: query.limit };
  const result = await (list
    ? bounds
      ? MemberListReadEntity.query.byList({ list: listKeyOf(list) }).between(...bounds).go(options)
      : MemberListReadEntity.query.byList({ list: listKeyOf(list) }).go(options)
    : query.readerId
      ? bounds
        ? MemberListReadEntity.query.byReader({ readerId: query.readerId }).between(...bounds).go(options)
        : MemberListReadEntity.query.byReader({ readerId: query.readerId }).go(options)
      : MemberListReadEntity.query.byMonth({ month: month ?? new Date().toISOString().slice(0, 7) }).go(options)
  ).catch(badCursor(query.cursor));
  const items = result.data
    .filter(live)
    .filter((item) => !query.readerId || item.readerId === query.readerId)
    .map((item) => ({ ...toRead(item), readerId: item.readerId }));
  return { items, nextCursor: result.cursor ?? null };
}
