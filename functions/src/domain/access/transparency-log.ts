import { randomBytes } from 'node:crypto';
import { Entity } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';
import { expiryFrom } from '../privacy/retention';
import { authorityRole, type Person } from './authority';
import { callerItem } from './load-caller';

/**
 * The transparency log (ADR 0027): every read of a member list in full — a section's, a federation's,
 * a person's membership — by an official, written by the access module when it grants that read
 * (./member-lists.ts), never by a handler. Append-only: nothing but `recordMemberListRead` writes it,
 * and no route changes or deletes an entry; each expires a year after the read (TTL).
 */
export const MemberListReadEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'memberListRead', version: '1' },
    attributes: {
      /** The list read, as `type:id`: `section:mulhouse`, `federation:68`, `person:<userId>`. */
      list: { type: 'string', required: true },
      at: { type: 'string', required: true },
      readId: { type: 'string', required: true },
      readerId: { type: 'string', required: true },
      readerName: { type: 'string', required: true },
      /** The role that gave the reader the whole list. */
      role: { type: 'string', required: true },
      /** How many people the page read showed. */
      count: { type: 'number', required: true },
      /** `AAAA-MM` of the read, for the DPO's view of everything. */
      month: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      // TL1: the reads of one list, newest last (a section's page, a person's own view).
      byList: { pk: { field: 'pk', composite: ['list'] }, sk: { field: 'sk', composite: ['at', 'readId'] } },
      // TL2: one reader's reads (the DPO's filter).
      byReader: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['readerId'] }, sk: { field: 'gsi1sk', composite: ['at', 'readId'] } },
      // TL3: every read of a month (the DPO's view of everything).
      byMonth: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['month'] }, sk: { field: 'gsi2sk', composite: ['at', 'readId'] } },
    },
  },
  entityConfig,
);

export type MemberListType = 'section' | 'federation' | 'person';
export interface MemberList {
  type: MemberListType;
  id: string;
}

export const listKeyOf = (list: MemberList) => `${list.type}:${list.id}`;
export const listOfKey = (key: string): MemberList => {
  const at = key.indexOf(':');
  return { type: key.slice(0, at) as MemberListType, id: key.slice(at + 1) };
};

/** One entry: who (and by which role over `place`) read which list, when, and how many people it showed. */
export async function recordMemberListRead(
  reader: Person,
  list: MemberList,
  place: { sectionId?: string; federationCode?: string },
  count: number,
): Promise<void> {
  const item = await callerItem(reader);
  const at = new Date().toISOString();
  await MemberListReadEntity.create({
    list: listKeyOf(list),
    at,
    readId: randomBytes(6).toString('base64url'),
    readerId: reader.userId,
    readerName: item ? `${item.givenName} ${item.familyName}` : reader.userId,
    role: authorityRole(reader, place),
    count,
    month: at.slice(0, 7),
    expiresAt: expiryFrom('memberListRead'),
  }).go();
}
