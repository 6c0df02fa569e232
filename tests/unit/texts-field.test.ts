import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBlocks, toMarkdown, writeBlocks } from '../../web/app/textes/blocks-field';

// A text's blocks as the site's one field writes them (issue 17): blank lines between blocks, « # »
// for a heading, « - » for list items; back again to rewrite a draft; and the Markdown export.
describe('the text field', () => {
  test('headings, paragraphs over several lines, list items; and back, unchanged', () => {
    const field = '# Nos propositions\nNous demandons\ndes transports gratuits.\n\n- Une ligne de bus la nuit.\n• Des vélos.\n\n\n  Fin.  ';
    const blocks = readBlocks(field);
    assert.deepEqual(blocks, [
      { kind: 'heading', text: 'Nos propositions' },
      { kind: 'paragraph', text: 'Nous demandons des transports gratuits.' },
      { kind: 'item', text: 'Une ligne de bus la nuit.' },
      { kind: 'item', text: 'Des vélos.' },
      { kind: 'paragraph', text: 'Fin.' },
    ]);
    assert.deepEqual(readBlocks(writeBlocks(blocks)), blocks);
    assert.deepEqual(readBlocks(' \n\n \r\n'), [], 'nothing written, no block');
  });

  test('the Markdown export keeps the structure and writes as text what Markdown would read as marks', () => {
    const md = toMarkdown('Motion', 2, [
      { kind: 'heading', text: 'Titre' },
      { kind: 'paragraph', text: '1. Ce n’est pas une liste.' },
      { kind: 'item', text: 'un' },
      { kind: 'item', text: 'deux' },
    ]);
    assert.equal(md, '# Motion\n\n_Version 2_\n\n## Titre\n\n1\\. Ce n’est pas une liste.\n\n- un\n- deux\n');
  });
});
