import DiffMatchPatch from 'diff-match-patch';
import { lineSpans, type Block } from './blocks';

/**
 * An amendment's changes to one version of a text, their merge into the next version and their
 * re-basing onto it (issue 17, ADR 0030). Pure: the service reads and writes, these decide.
 *
 * A change rewrites a block, deletes it, or inserts new blocks after a block (or at the top). Two
 * accepted amendments conflict when they rewrite or delete the same block, insert at the same place,
 * or one inserts after a block the other deletes: the owners settle it (one of them, or their own
 * wording) before « Publier la nouvelle version ».
 */
export type Change =
  | { op: 'replace'; blockId: string; text: string }
  | { op: 'delete'; blockId: string }
  | { op: 'insert'; after: string | null; blocks: Block[] };

export interface AmendmentChanges {
  amendmentId: string;
  changes: Change[];
}

export class UnknownBlockError extends Error {
  constructor(
    readonly blockId: string,
    /** The change's place in the amendment's list, for the field of a 400. */
    readonly index: number,
  ) {
    super(`no block ${blockId} in this version`);
  }
}

/** Every block a change needs to be where it was, and the place it writes to. */
function footprint(change: Change): { writes: string; needs?: string } {
  if (change.op === 'insert') return { writes: `after:${change.after ?? '^'}`, ...(change.after && { needs: change.after }) };
  return { writes: `block:${change.blockId}` };
}

export interface Conflict {
  amendmentIds: [string, string];
  /** The blocks (or insertion places) both touch. */
  blockIds: string[];
}

/** The pairs of amendments that cannot both be merged as they are. */
export function conflictsOf(amendments: readonly AmendmentChanges[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const [i, a] of amendments.entries()) {
    for (const b of amendments.slice(i + 1)) {
      const shared = new Set<string>();
      for (const x of a.changes) {
        for (const y of b.changes) {
          const [fx, fy] = [footprint(x), footprint(y)];
          if (fx.writes === fy.writes) shared.add(fx.writes.replace(/^(block|after):/, ''));
          // Inserting after a block the other deletes: the place is gone.
          if (fx.needs && y.op === 'delete' && y.blockId === fx.needs) shared.add(fx.needs);
          if (fy.needs && x.op === 'delete' && x.blockId === fy.needs) shared.add(fy.needs);
        }
      }
      if (shared.size) conflicts.push({ amendmentIds: [a.amendmentId, b.amendmentId], blockIds: [...shared] });
    }
  }
  return conflicts;
}

/** The blocks a change names must be in the version it amends. */
export function checkChanges(blocks: readonly Block[], changes: readonly Change[]): void {
  const ids = new Set(blocks.map((b) => b.id));
  for (const [index, change] of changes.entries()) {
    const needed = change.op === 'insert' ? change.after : change.blockId;
    if (needed !== null && !ids.has(needed)) throw new UnknownBlockError(needed, index);
  }
}

/** A version with changes applied; the changes must not conflict with one another (conflictsOf). */
export function applyChanges(blocks: readonly Block[], changes: readonly Change[]): Block[] {
  checkChanges(blocks, changes);
  const replaced = new Map<string, string>();
  const deleted = new Set<string>();
  const insertedAfter = new Map<string, Block[]>();
  for (const change of changes) {
    if (change.op === 'replace') replaced.set(change.blockId, change.text);
    else if (change.op === 'delete') deleted.add(change.blockId);
    else insertedAfter.set(change.after ?? '^', [...(insertedAfter.get(change.after ?? '^') ?? []), ...change.blocks]);
  }
  const next: Block[] = [...(insertedAfter.get('^') ?? [])];
  for (const block of blocks) {
    if (!deleted.has(block.id)) next.push(replaced.has(block.id) ? { ...block, text: replaced.get(block.id)! } : block);
    next.push(...(insertedAfter.get(block.id) ?? []));
  }
  return next;
}

/** The next version: every accepted amendment merged, in the order given — or the conflicts to settle first. */
export function mergeAmendments(blocks: readonly Block[], accepted: readonly AmendmentChanges[]): { blocks: Block[] } | { conflicts: Conflict[] } {
  const conflicts = conflictsOf(accepted);
  if (conflicts.length) return { conflicts };
  return { blocks: applyChanges(blocks, accepted.flatMap((a) => a.changes)) };
}

export type Rebased = { status: 'rebased'; changes: Change[] } | { status: 'outdated'; blockIds: string[] };

const dmp = new DiffMatchPatch();

/**
 * A pending amendment made on `base`, carried onto `next` (after a publication): a rewrite whose
 * block changed meanwhile is patched onto the new wording (diff-match-patch); one that no longer
 * applies, a deletion of a block that changed, or an insertion after a block that is gone makes the
 * amendment « à mettre à jour » (its author is told, and rewrites it on the new version).
 */
export function rebase(changes: readonly Change[], base: readonly Block[], next: readonly Block[]): Rebased {
  const before = new Map(base.map((b) => [b.id, b.text]));
  const after = new Map(next.map((b) => [b.id, b.text]));
  const outdated: string[] = [];
  const carried: Change[] = [];
  for (const change of changes) {
    if (change.op === 'insert') {
      if (change.after !== null && !after.has(change.after)) outdated.push(change.after);
      else carried.push(change);
      continue;
    }
    const was = before.get(change.blockId);
    const now = after.get(change.blockId);
    if (was === undefined || now === undefined) {
      outdated.push(change.blockId);
    } else if (was === now) {
      carried.push(change);
    } else if (change.op === 'delete') {
      outdated.push(change.blockId);
    } else {
      const [text, applied] = dmp.patch_apply(dmp.patch_make(was, change.text), now);
      if (applied.every(Boolean)) carried.push({ ...change, text });
      else outdated.push(change.blockId);
    }
  }
  return outdated.length ? { status: 'outdated', blockIds: outdated } : { status: 'rebased', changes: carried };
}

/** The wording, in the version amended, of each block an amendment rewrites or deletes. */
export type Originals = Record<string, Pick<Block, 'kind' | 'text'>>;

/**
 * What an amendment keeps of the version it amends, so that its page needs nothing else: the
 * blocks it rewrites or deletes as they were, and the lines it bears on (an insertion bears on the
 * last line of the block it follows, or line 1 at the top).
 */
export function footingOf(blocks: readonly Block[], changes: readonly Change[]): { originals: Originals; lines: { from: number; to: number } } {
  const spans = lineSpans(blocks);
  const originals: Originals = {};
  const lines: number[] = [];
  for (const change of changes) {
    const id = change.op === 'insert' ? change.after : change.blockId;
    const span = id === null ? { from: 1, to: 1 } : spans.get(id);
    if (!span) continue;
    if (change.op === 'insert') lines.push(span.to);
    else {
      lines.push(span.from, span.to);
      const block = blocks.find((b) => b.id === change.blockId);
      if (block) originals[block.id] = { kind: block.kind, text: block.text };
    }
  }
  return { originals, lines: { from: Math.min(...lines), to: Math.max(...lines) } };
}
