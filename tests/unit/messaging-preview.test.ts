import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deletedPreview, previewLength, previewOf } from '../../functions/src/domain/messaging/preview';

// The inbox shows the last message as it is now: edited, deleted, or long (ADR 0029).

test('a short message is its own preview, on one line', () => {
  assert.deepEqual(previewOf({ text: 'Rendez-vous\n\ndevant la mairie' }), { preview: 'Rendez-vous devant la mairie', edited: false, deleted: false });
});

test('a long message is cut at 140 characters, never inside a character', () => {
  const { preview } = previewOf({ text: '🌹'.repeat(300) });
  assert.equal([...preview].length, previewLength);
  assert.ok(preview.endsWith('…'));
});

test('an edit is told, a deletion replaces the text', () => {
  assert.equal(previewOf({ text: 'corrigé', editedAt: '2026-12-02T14:00:00.000Z' }).edited, true);
  assert.deepEqual(previewOf({ text: 'secret', deletedAt: '2026-12-02T14:00:00.000Z' }), { preview: deletedPreview, edited: false, deleted: true });
});

test('a file alone is shown by its name; with words, the words are the preview', () => {
  const one = [{ name: 'tract.pdf' }];
  assert.equal(previewOf({ text: '', attachments: one }).preview, '📎 tract.pdf');
  assert.equal(previewOf({ text: '', attachments: [...one, { name: 'affiche.png' }] }).preview, '📎 tract.pdf et 1 autre fichier');
  assert.equal(previewOf({ text: '', attachments: [...one, { name: 'a.png' }, { name: 'b.png' }] }).preview, '📎 tract.pdf et 2 autres fichiers');
  assert.equal(previewOf({ text: 'Le tract de samedi', attachments: one }).preview, 'Le tract de samedi');
  assert.equal(previewOf({ text: '', attachments: one, deletedAt: '2026-12-02T14:00:00.000Z' }).preview, deletedPreview);
});
