import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { EntityItem } from 'electrodb';
import * as z from 'zod';
import type { MemberFileReport } from '../../contracts/identity';
import { Email, MemberNumber, PersonName } from '../../contracts/identity';
import { SectionId } from '../../contracts/territory';
import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { mayImportMemberFile, requirePerson } from '../access/policy';
import { ValidationError } from '../errors';
import { PersonEmailEntity } from '../people/entities';
import { changeMembership } from '../roles/service';
import { SectionEntity } from '../territory/entities';
import { MEMBER_FILE_SHARDS, MemberRecordEntity } from './entities';

type MemberRecord = EntityItem<typeof MemberRecordEntity>;

/** Column names accepted in the file's header (French first), mapped to our fields. */
const columns: Record<string, 'memberNumber' | 'lastName' | 'firstName' | 'email' | 'sectionId'> = {
  numero: 'memberNumber', numero_adherent: 'memberNumber', 'numéro': 'memberNumber', 'numéro_adhérent': 'memberNumber', member_number: 'memberNumber',
  nom: 'lastName', last_name: 'lastName',
  prenom: 'firstName', 'prénom': 'firstName', first_name: 'firstName',
  email: 'email', courriel: 'email', 'e-mail': 'email', mail: 'email',
  section: 'sectionId', code_section: 'sectionId', section_code: 'sectionId',
};
const required = ['memberNumber', 'lastName', 'firstName', 'email', 'sectionId'] as const;

const Row = z.object({
  memberNumber: MemberNumber,
  lastName: PersonName,
  firstName: PersonName,
  email: Email,
  sectionId: SectionId,
});
type Row = z.infer<typeof Row>;

export const shardOf = (memberNumber: string) => createHash('sha1').update(memberNumber).digest()[0]! % MEMBER_FILE_SHARDS;

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reads the CSV (`,` or `;`, any header order, UTF-8 with or without BOM); every bad row is reported with its line. */
function readRows(csv: string) {
  let records: string[][];
  try {
    records = parse(csv, { delimiter: [';', ','], bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ValidationError([{ field: `body (ligne ${line})`, message: `CSV illisible : ${(error as Error).message}` }], 'member-file.unreadable');
  }
  const header = records[0]?.map((name) => columns[name.toLowerCase().replace(/\s+/g, '_')]) ?? [];
  const missing = required.filter((field) => !header.includes(field));
  if (missing.length) {
    throw new ValidationError(
      missing.map((field) => ({ field: 'body (ligne 1)', message: `colonne manquante : ${field}` })),
      'member-file.columns',
    );
  }
  const rows: { line: number; row: Row }[] = [];
  const errors: MemberFileReport['errors'] = [];
  records.slice(1).forEach((values, index) => {
    const line = index + 2;
    const raw = Object.fromEntries(header.map((field, i) => [field, values[i] ?? '']).filter(([field]) => field));
    const parsed = Row.safeParse(raw);
    if (parsed.success) rows.push({ line, row: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ line, field: String(issue.path[0]), message: issue.message });
  });
  return { rows, errors, dataLines: records.length - 1 };
}

/**
 * Imports the party's whole member file. Bad rows are reported by line and skipped; the rest is
 * imported. Members absent from the file lapse (their people become supporters); members who
 * (re)appear and already have an account become adhérents of their section. Importing the same
 * file twice changes nothing. Cost: about one batch read per 100 rows and one batch write per 25
 * changed rows, plus one query page per shard.
 */
export async function importMemberFile(caller: Caller, csv: string): Promise<MemberFileReport> {
  mayImportMemberFile(caller, policyOptions);
  return applyMemberFile(csv, requirePerson(caller).userId);
}

/**
 * The import itself, for callers already authorized (the API above; the demo seed). `by`: who
 * imported, named in the audit of the roles a lapse or a move ends.
 */
export async function applyMemberFile(csv: string, by = 'system'): Promise<MemberFileReport> {
  const { rows, errors, dataLines } = readRows(csv);

  // Duplicates inside the file: the first occurrence wins, later ones are errors.
  const byNumber = new Map<string, { line: number; row: Row }>();
  const emailLine = new Map<string, number>();
  for (const entry of rows) {
    const { memberNumber, email } = entry.row;
    if (byNumber.has(memberNumber)) {
      errors.push({ line: entry.line, field: 'memberNumber', message: `numéro déjà présent ligne ${byNumber.get(memberNumber)!.line}` });
    } else if (emailLine.has(email)) {
      errors.push({ line: entry.line, field: 'email', message: `adresse déjà présente ligne ${emailLine.get(email)}` });
    } else {
      byNumber.set(memberNumber, entry);
      emailLine.set(email, entry.line);
    }
  }

  // Unknown sections: one batch read of the distinct section codes.
  const sectionIds = [...new Set([...byNumber.values()].map((e) => e.row.sectionId))];
  const sections = new Map<string, { name: string; federationCode: string; federationName: string }>();
  for (const keys of chunk(sectionIds.map((sectionId) => ({ sectionId })), 100)) {
    const { data } = await SectionEntity.get(keys).go({ concurrency: 4 });
    for (const s of data) sections.set(s.sectionId, { name: s.name, federationCode: s.federationCode, federationName: s.federationName });
  }
  for (const [memberNumber, entry] of byNumber) {
    if (!sections.has(entry.row.sectionId)) {
      errors.push({ line: entry.line, field: 'sectionId', message: `section inconnue : ${entry.row.sectionId}` });
      byNumber.delete(memberNumber);
    }
  }

  // What the table holds for these members.
  const existing = new Map<string, MemberRecord>();
  for (const keys of chunk([...byNumber.keys()].map((memberNumber) => ({ memberNumber })), 100)) {
    const { data } = await MemberRecordEntity.get(keys).go({ concurrency: 8 });
    for (const record of data) existing.set(record.memberNumber, record);
  }

  const importedAt = new Date().toISOString();
  const toWrite: MemberRecord[] = [];
  let created = 0;
  let updated = 0;
  for (const { row } of byNumber.values()) {
    const before = existing.get(row.memberNumber);
    const same =
      before && before.active && before.email === row.email && before.lastName === row.lastName && before.firstName === row.firstName && before.sectionId === row.sectionId;
    if (same) continue;
    if (before) updated += 1;
    else created += 1;
    toWrite.push({ ...row, active: true, shard: shardOf(row.memberNumber), userId: before?.userId, importedAt });
  }

  // Members no longer in the file lapse.
  const lapsed: MemberRecord[] = [];
  for (let shard = 0; shard < MEMBER_FILE_SHARDS; shard += 1) {
    const { data } = await MemberRecordEntity.query.byShard({ shard }).go({ pages: 'all' });
    for (const record of data) if (record.active && !byNumber.has(record.memberNumber)) lapsed.push({ ...record, active: false, importedAt });
  }

  // Link records to people who already signed up with that address.
  const unlinked = toWrite.filter((record) => !record.userId);
  for (const keys of chunk(unlinked.map(({ email }) => ({ email })), 100)) {
    const { data } = await PersonEmailEntity.get(keys).go({ concurrency: 8 });
    const userOf = new Map(data.map((d) => [d.email, d.userId]));
    for (const record of unlinked) record.userId ??= userOf.get(record.email);
  }

  // In bounded slices: ElectroDB prepares every batch of a call up front, which for a whole file
  // would hold hundreds of megabytes.
  for (const slice of chunk([...toWrite, ...lapsed], 1000)) await MemberRecordEntity.put(slice).go({ concurrency: 8 });

  // People follow their record: adhérent of its section when active, supporter when lapsed. The
  // roles that depended on the old standing end in the same transaction (roles/service.ts).
  for (const record of toWrite) {
    if (!record.userId) continue;
    const section = sections.get(record.sectionId)!;
    await changeMembership(
      record.userId,
      {
        set: {
          status: 'adherent',
          memberNumber: record.memberNumber,
          sectionId: record.sectionId,
          sectionName: section.name,
          federationCode: section.federationCode,
          federationName: section.federationName,
        },
      },
      by,
    );
  }
  for (const record of lapsed) {
    if (!record.userId) continue;
    await changeMembership(record.userId, { set: { status: 'sympathisant' }, remove: ['sectionId', 'sectionName', 'memberNumber'] }, by);
  }

  errors.sort((a, b) => a.line - b.line);
  return { rows: dataLines, created, updated, unchanged: byNumber.size - created - updated, lapsed: lapsed.length, errors };
}
