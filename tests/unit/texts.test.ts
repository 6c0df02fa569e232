import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyChanges, conflictsOf, mergeAmendments, rebase, UnknownBlockError, type Change } from '../../functions/src/domain/texts/amendments';
import { LINE_WIDTH, lineSpans, numberLines, wrap, type Block } from '../../functions/src/domain/texts/blocks';
import { versionDiff, wordDiff } from '../../functions/src/domain/texts/diff';

// Texts written together (issue 17, ADR 0030): line numbers, amendments merged and re-based, diffs.

const motion: Block[] = [
  { id: 'b1', kind: 'heading', text: 'Motion sur les transports' },
  { id: 'b2', kind: 'paragraph', text: 'Nous voulons des transports gratuits pour les moins de vingt-six ans dans toute l’agglomération.' },
  { id: 'b3', kind: 'item', text: 'Une ligne de bus la nuit.' },
  { id: 'b4', kind: 'item', text: 'Des vélos en libre-service dans chaque quartier.' },
];

describe('line numbers', () => {
  test('lines of at most 80 characters, cut at spaces, numbered through the whole version', () => {
    const long = 'mot '.repeat(50).trim();
    const lines = wrap(long);
    assert.ok(lines.every((line) => line.length <= LINE_WIDTH));
    assert.equal(lines.join(' '), long, 'nothing lost, nothing added');
    const numbered = numberLines([{ id: 'a', kind: 'paragraph', text: long }, { id: 'b', kind: 'item', text: 'court' }]);
    assert.deepEqual(numbered[1]!.lines, [{ number: lines.length + 1, text: 'court' }]);
    assert.deepEqual(lineSpans(motion).get('b2'), { from: 2, to: 3 });
  });

  test('a word longer than a line stands alone; an empty block still has its line', () => {
    const word = 'x'.repeat(100);
    assert.deepEqual(wrap(`a ${word} b`), ['a', word, 'b']);
    assert.deepEqual(wrap('  '), ['']);
  });
});

describe('amendments', () => {
  const rewrite = (blockId: string, text: string): Change => ({ op: 'replace', blockId, text });

  test('accepted amendments that touch different blocks merge into one new version', () => {
    const merged = mergeAmendments(motion, [
      { amendmentId: 'a1', changes: [rewrite('b3', 'Deux lignes de bus la nuit.')] },
      { amendmentId: 'a2', changes: [{ op: 'delete', blockId: 'b4' }] },
      { amendmentId: 'a3', changes: [{ op: 'insert', after: 'b3', blocks: [{ id: 'n1', kind: 'item', text: 'Des tarifs sociaux.' }] }] },
    ]);
    assert.ok('blocks' in merged);
    assert.deepEqual(merged.blocks.map((b) => [b.id, b.text]), [
      ['b1', 'Motion sur les transports'],
      ['b2', motion[1]!.text],
      ['b3', 'Deux lignes de bus la nuit.'],
      ['n1', 'Des tarifs sociaux.'],
    ]);
  });

  test('two that rewrite the same block, insert at the same place, or insert after a deleted block are conflicts', () => {
    assert.deepEqual(conflictsOf([
      { amendmentId: 'a1', changes: [rewrite('b2', 'Gratuits pour tous.')] },
      { amendmentId: 'a2', changes: [rewrite('b2', 'Gratuits le week-end.')] },
    ]), [{ amendmentIds: ['a1', 'a2'], blockIds: ['b2'] }]);
    const insert = (id: string): Change => ({ op: 'insert', after: 'b3', blocks: [{ id, kind: 'item', text: id }] });
    assert.equal(conflictsOf([{ amendmentId: 'a', changes: [insert('x')] }, { amendmentId: 'b', changes: [insert('y')] }]).length, 1);
    assert.deepEqual(conflictsOf([{ amendmentId: 'a', changes: [insert('x')] }, { amendmentId: 'b', changes: [{ op: 'delete', blockId: 'b3' }] }])[0]!.blockIds, ['b3']);
    assert.equal(conflictsOf([{ amendmentId: 'a', changes: [insert('x')] }, { amendmentId: 'b', changes: [rewrite('b3', 'Trois lignes.')] }]).length, 0, 'rewriting a block and adding one after it go together');
    const merged = mergeAmendments(motion, [{ amendmentId: 'a1', changes: [rewrite('b2', 'A')] }, { amendmentId: 'a2', changes: [rewrite('b2', 'B')] }]);
    assert.ok('conflicts' in merged, 'nothing is merged while a conflict stands');
  });

  test('a change on a block the version does not have is refused with its place', () => {
    assert.throws(() => applyChanges(motion, [rewrite('b2', 'ok'), rewrite('b9', 'non')]), (error: unknown) => error instanceof UnknownBlockError && error.blockId === 'b9' && error.index === 1);
  });

  test('re-based onto the next version: patched where the block changed elsewhere, « à mettre à jour » where it no longer applies', () => {
    const next = applyChanges(motion, [rewrite('b2', 'Nous voulons des transports gratuits pour les moins de vingt-six ans dans toute la métropole.'), { op: 'delete', blockId: 'b4' }]);
    // A pending amendment on the start of b2 still applies to the new end of b2.
    const pending = [rewrite('b2', 'Nous exigeons des transports gratuits pour les moins de vingt-six ans dans toute l’agglomération.')];
    assert.deepEqual(rebase(pending, motion, next), {
      status: 'rebased',
      changes: [rewrite('b2', 'Nous exigeons des transports gratuits pour les moins de vingt-six ans dans toute la métropole.')],
    });
    // An untouched block is carried as it is.
    assert.deepEqual(rebase([rewrite('b3', 'Une ligne de tram.')], motion, next), { status: 'rebased', changes: [rewrite('b3', 'Une ligne de tram.')] });
    // The same words rewritten two ways, a block deleted, an insertion after it: outdated.
    assert.deepEqual(rebase([rewrite('b2', 'Nous voulons des transports gratuits pour les moins de vingt-six ans dans toute la région.')], motion, next).status, 'outdated');
    assert.deepEqual(rebase([rewrite('b4', 'Des vélos partout.')], motion, next), { status: 'outdated', blockIds: ['b4'] });
    assert.deepEqual(rebase([{ op: 'insert', after: 'b4', blocks: [] }], motion, next), { status: 'outdated', blockIds: ['b4'] });
  });
});

describe('diffs', () => {
  test('a one-word change is one deletion and one insertion', () => {
    const segments = wordDiff('Des transports gratuits pour tous.', 'Des transports accessibles pour tous.');
    assert.deepEqual(segments.filter((s) => s.kind !== 'same'), [{ kind: 'del', text: 'gratuits' }, { kind: 'ins', text: 'accessibles' }]);
    assert.equal(segments.filter((s) => s.kind !== 'ins').map((s) => s.text).join(''), 'Des transports gratuits pour tous.');
  });

  test('changes only spaces apart read as one: struck out together, put in together', () => {
    const from = 'tous les jours de la semaine.';
    const to = 'tous les jours, week-end compris.';
    const segments = wordDiff(from, to);
    assert.deepEqual(segments, [
      { kind: 'same', text: 'tous les jours' },
      { kind: 'del', text: ' de la semaine' },
      { kind: 'ins', text: ', week-end compris' },
      { kind: 'same', text: '.' },
    ]);
    assert.equal(segments.filter((s) => s.kind !== 'ins').map((s) => s.text).join(''), from, 'the old wording is still all there');
    assert.equal(segments.filter((s) => s.kind !== 'del').map((s) => s.text).join(''), to, 'and the new one');
    // A word kept between two changes is not swallowed.
    assert.ok(wordDiff('un grand vélo rouge', 'un petit vélo bleu').some((s) => s.kind === 'same' && s.text.includes('vélo')));
  });

  test('French words keep their apostrophe', () => {
    const changed = wordDiff('dans toute l’agglomération', 'dans toute l’Eurométropole').filter((s) => s.kind !== 'same');
    assert.deepEqual(changed, [{ kind: 'del', text: 'l’agglomération' }, { kind: 'ins', text: 'l’Eurométropole' }]);
  });

  test('between two versions: only what changed, with one block of context, the rest as gaps', () => {
    const long: Block[] = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, kind: 'paragraph', text: `Paragraphe ${i}.` }));
    const next = applyChanges(long, [{ op: 'replace', blockId: 'p5', text: 'Paragraphe cinq.' }, { op: 'delete', blockId: 'p9' }]);
    const diff = versionDiff(long, next);
    assert.deepEqual(diff.map((d) => (d.kind === 'gap' ? `…${d.count}` : `${d.kind}:${d.blockId}`)), ['…4', 'same:p4', 'changed:p5', 'same:p6', '…1', 'same:p8', 'removed:p9']);
  });
});
