import { foldName } from '../territory/names';
import { SearchEntryEntity } from './entities';

/**
 * The search index's entries (S18), apart from the search itself so that the stream job that keeps
 * them loads nothing of the API's rules.
 */
const MAX_POST_WORDS = 60;

/** Folded words of a text worth indexing (2+ letters for names, 3+ for posts). */
export const wordsOf = (text: string, min: number) => [...new Set(foldName(text).split(' ').filter((w) => w.length >= min))];

export interface IndexEntry {
  token: string;
  key: string;
  kind: 'person' | 'group' | 'section' | 'post';
  refId: string;
  label: string;
  detail?: string;
  folded: string;
  groupKind?: 'open' | 'closed' | 'secret';
  groupAudience?: 'all' | 'members';
  findableBy?: 'connections' | 'signed-in' | 'nobody';
  federationCode?: string;
  groupIds?: string[];
}

/** The index entries of an item of the table (as the stream shows it), none for what is never searched (secret groups). */
export function entriesOf(item: Record<string, unknown> | undefined): IndexEntry[] {
  if (!item) return [];
  switch (item.__edb_e__) {
    case 'person': {
      const label = `${String(item.givenName)} ${String(item.familyName)}`;
      // « Qui peut me trouver » and its facts travel with the entry (policy `mayFind`).
      const findable = {
        findableBy: (item.findableBy as IndexEntry['findableBy']) ?? 'connections',
        federationCode: String(item.federationCode),
        groupIds: [...((item.groupIds as Iterable<string> | undefined) ?? [])].sort(),
      };
      return wordsOf(label, 2).map((w) => ({ token: `n:${w.slice(0, 3)}`, key: `${w}#person#${String(item.userId)}`, kind: 'person', refId: String(item.userId), label, folded: foldName(label), ...findable }));
    }
    case 'group': {
      if (item.kind === 'secret') return [];
      const label = String(item.name);
      return wordsOf(label, 2).map((w) => ({
        token: `n:${w.slice(0, 3)}`,
        key: `${w}#group#${String(item.groupId)}`,
        kind: 'group',
        refId: String(item.groupId),
        label,
        folded: foldName(label),
        groupKind: item.kind as 'open' | 'closed',
        groupAudience: item.audience as 'all' | 'members',
      }));
    }
    case 'section': {
      // A section's name and commune (« Section de Mulhouse », Mulhouse): public geography of the party.
      const label = String(item.name);
      const words = wordsOf(`${label} ${String(item.communeName ?? '')}`, 3).filter((w) => w !== 'section');
      return words.map((w) => ({ token: `n:${w.slice(0, 3)}`, key: `${w}#section#${String(item.sectionId)}`, kind: 'section', refId: String(item.sectionId), label, detail: String(item.federationName), folded: foldName(label) }));
    }
    case 'post': {
      if (item.hidden) return [];
      return wordsOf(String(item.text), 3)
        .slice(0, MAX_POST_WORDS)
        .map((w) => ({ token: `w:${w}`, key: `${String(item.createdAt)}#${String(item.postId)}`, kind: 'post', refId: String(item.postId), label: '', folded: '' }));
    }
    default:
      return [];
  }
}

/** Keeps the index in step with one change: entries no longer true are deleted, new ones written (idempotent). */
export async function reindex(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): Promise<void> {
  const id = (e: IndexEntry) => `${e.token}|${e.key}`;
  const next = entriesOf(after);
  const keep = new Set(next.map(id));
  const stale = entriesOf(before).filter((e) => !keep.has(id(e)));
  const same = (a: IndexEntry, b: IndexEntry) =>
    a.label === b.label &&
    a.detail === b.detail && a.groupKind === b.groupKind && a.groupAudience === b.groupAudience && a.findableBy === b.findableBy && a.federationCode === b.federationCode && (a.groupIds ?? []).join() === (b.groupIds ?? []).join();
  const changedLabel = (e: IndexEntry) => !entriesOf(before).some((b) => id(b) === id(e) && same(b, e));
  if (stale.length) await SearchEntryEntity.delete(stale.map(({ token, key }) => ({ token, key }))).go();
  const fresh = next.filter(changedLabel);
  if (fresh.length) {
    const { unprocessed } = await SearchEntryEntity.put(fresh).go();
    if (unprocessed.length) throw new Error(`search index: ${unprocessed.length} entries unprocessed`);
  }
}

