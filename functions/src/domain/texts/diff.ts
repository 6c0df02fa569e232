import { diffArrays } from 'diff';
import type { Change, Originals } from './amendments';
import type { Block, BlockKind } from './blocks';

/**
 * Word-by-word diffs, cut the French way (`Intl.Segmenter('fr')`: « l’abstention » and « c’est » are
 * words with their apostrophe), between two wordings of a block and between two versions of a text,
 * only what changed shown with some context (issue 17, ADR 0030). Pure: the page draws `<ins>`/`<del>`.
 */
export type Segment = { kind: 'same' | 'ins' | 'del'; text: string };

const segmenter = new Intl.Segmenter('fr', { granularity: 'word' });
const tokens = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

/** What changed between two wordings: runs kept, inserted, deleted (adjacent runs of a kind joined). */
export function wordDiff(from: string, to: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of diffArrays(tokens(from), tokens(to))) {
    const kind = part.added ? 'ins' : part.removed ? 'del' : 'same';
    const text = part.value.join('');
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text) segments.push({ kind, text });
  }
  return joinedChanges(segments);
}

/**
 * Changes separated only by spaces read as one: « de » → « week-end », « la semaine » → « compris »
 * shows as « de la semaine » struck out and « , week-end compris » put in, not four pieces.
 */
function joinedChanges(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < segments.length) {
    if (segments[i]!.kind === 'same') {
      out.push(segments[i++]!);
      continue;
    }
    const run = { del: '', ins: '', hasDel: false, hasIns: false };
    for (; i < segments.length; i++) {
      const s = segments[i]!;
      if (s.kind === 'same') {
        const between = /^\s+$/.test(s.text) && segments[i + 1] !== undefined && segments[i + 1]!.kind !== 'same';
        if (!between) break;
        run.del += s.text;
        run.ins += s.text;
      } else if (s.kind === 'del') {
        run.del += s.text;
        run.hasDel = true;
      } else {
        run.ins += s.text;
        run.hasIns = true;
      }
    }
    if (run.hasDel) out.push({ kind: 'del', text: run.del });
    if (run.hasIns) out.push({ kind: 'ins', text: run.ins });
  }
  return out;
}

export type BlockDiff =
  | { kind: 'same'; blockId: string; blockKind: BlockKind; text: string }
  | { kind: 'changed'; blockId: string; blockKind: BlockKind; segments: Segment[] }
  | { kind: 'added' | 'removed'; blockId: string; blockKind: BlockKind; text: string }
  /** Unchanged blocks left out between two changes. */
  | { kind: 'gap'; count: number };

/**
 * Two versions compared block by block (paired by id): the changed, added and removed ones, each
 * with `context` unchanged blocks around it; the others summed up as gaps.
 */
export function versionDiff(from: readonly Block[], to: readonly Block[], context = 1): BlockDiff[] {
  const before = new Map(from.map((b) => [b.id, b]));
  const after = new Map(to.map((b) => [b.id, b]));
  const all: Exclude<BlockDiff, { kind: 'gap' }>[] = [];
  for (const part of diffArrays(from.map((b) => b.id), to.map((b) => b.id))) {
    for (const id of part.value) {
      if (part.removed) {
        const b = before.get(id)!;
        all.push({ kind: 'removed', blockId: id, blockKind: b.kind, text: b.text });
      } else if (part.added) {
        const b = after.get(id)!;
        all.push({ kind: 'added', blockId: id, blockKind: b.kind, text: b.text });
      } else {
        const [was, now] = [before.get(id)!, after.get(id)!];
        all.push(was.text === now.text ? { kind: 'same', blockId: id, blockKind: now.kind, text: now.text } : { kind: 'changed', blockId: id, blockKind: now.kind, segments: wordDiff(was.text, now.text) });
      }
    }
  }
  const near = (i: number) => all.slice(Math.max(0, i - context), i + context + 1).some((d) => d.kind !== 'same');
  const shown: BlockDiff[] = [];
  for (const [i, d] of all.entries()) {
    if (d.kind !== 'same' || near(i)) shown.push(d);
    else {
      const last = shown.at(-1);
      if (last?.kind === 'gap') last.count += 1;
      else shown.push({ kind: 'gap', count: 1 });
    }
  }
  return shown;
}

/**
 * An amendment's own diff: each block it rewrites word by word, each it deletes, each it inserts —
 * drawn from the wording it keeps of the version it amends (`footingOf`), nothing else read.
 */
export function changesDiff(originals: Originals, changes: readonly Change[]): BlockDiff[] {
  return changes.flatMap((change): BlockDiff[] => {
    if (change.op === 'insert') return change.blocks.map((b) => ({ kind: 'added', blockId: b.id, blockKind: b.kind, text: b.text }));
    const was = originals[change.blockId];
    if (!was) return [];
    if (change.op === 'delete') return [{ kind: 'removed', blockId: change.blockId, blockKind: was.kind, text: was.text }];
    return [{ kind: 'changed', blockId: change.blockId, blockKind: was.kind, segments: wordDiff(was.text, change.text) }];
  });
}
