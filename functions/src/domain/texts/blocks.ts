/**
 * A text's version is a list of blocks (issue 17, ADR 0030): headings, paragraphs and list items,
 * each with an id that stays the same from one version to the next while its wording changes — so
 * an amendment names the blocks it rewrites, and a diff pairs the blocks of two versions by id.
 */
export const blockKinds = ['heading', 'paragraph', 'item'] as const;
export type BlockKind = (typeof blockKinds)[number];

export interface Block {
  id: string;
  kind: BlockKind;
  text: string;
}

/** The width of a numbered line: « ligne 12 » means the same line to everyone, on any screen. */
export const LINE_WIDTH = 80;

export interface NumberedBlock extends Block {
  /** The block's lines, cut at words to at most LINE_WIDTH characters (a longer word stands alone). */
  lines: { number: number; text: string }[];
}

/** Cuts one block's wording into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width = LINE_WIDTH): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  // Lengths in characters (code points), kept as the line grows: no line counted twice; UTF-16
  // units are code points unless the text has surrogate pairs (emoji).
  const paired = /[\uD800-\uDFFF]/.test(text);
  let length = 0;
  for (const word of words) {
    const size = paired ? [...word].length : word.length;
    if (!line) [line, length] = [word, size];
    else if (length + 1 + size <= width) [line, length] = [`${line} ${word}`, length + 1 + size];
    else {
      lines.push(line);
      [line, length] = [word, size];
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A version with its lines numbered from 1 through all its blocks. */
export function numberLines(blocks: readonly Block[], width = LINE_WIDTH): NumberedBlock[] {
  let next = 1;
  return blocks.map((block) => ({ ...block, lines: wrap(block.text, width).map((text) => ({ number: next++, text })) }));
}

/** The first and last line numbers of each block, by id (where an amendment « porte sur les lignes 12 à 15 »). */
export function lineSpans(blocks: readonly Block[], width = LINE_WIDTH): Map<string, { from: number; to: number }> {
  return new Map(numberLines(blocks, width).map((b) => [b.id, { from: b.lines[0]!.number, to: b.lines.at(-1)!.number }]));
}
