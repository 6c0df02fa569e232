/**
 * A text's blocks as one writes them in a single field: a blank line between two blocks, « # » at
 * the start of a heading, « - » (or « • ») at the start of each list item — and back, to rewrite a
 * draft. Plain text only: the page never renders markup from it.
 */
export type BlockKind = 'heading' | 'paragraph' | 'item';
export interface WrittenBlock {
  kind: BlockKind;
  text: string;
}

const itemMark = /^\s*[-•*]\s+/;
const headingMark = /^\s*#+\s+/;

/** The blocks written in the field, in order: within a paragraph, a « # » or « - » line starts a block of its own. */
export function readBlocks(field: string): WrittenBlock[] {
  const blocks: WrittenBlock[] = [];
  for (const chunk of field.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    const endParagraph = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    for (const line of chunk.split('\n').map((l) => l.trim()).filter(Boolean)) {
      if (headingMark.test(line)) {
        endParagraph();
        blocks.push({ kind: 'heading', text: line.replace(headingMark, '').trim() });
      } else if (itemMark.test(line)) {
        endParagraph();
        blocks.push({ kind: 'item', text: line.replace(itemMark, '').trim() });
      } else paragraph.push(line);
    }
    endParagraph();
  }
  return blocks.filter((b) => b.text);
}

/** The field that writes these blocks (consecutive items on consecutive lines). */
export function writeBlocks(blocks: readonly WrittenBlock[]): string {
  let out = '';
  blocks.forEach((block, i) => {
    const line = block.kind === 'heading' ? `# ${block.text}` : block.kind === 'item' ? `- ${block.text}` : block.text;
    const together = i > 0 && block.kind === 'item' && blocks[i - 1]!.kind === 'item';
    out += i === 0 ? line : together ? `\n${line}` : `\n\n${line}`;
  });
  return out;
}

/** Markdown would read these at the start of a line as its own marks: written as text. */
const escapeLineStart = (text: string) => text.replace(/^([#>*+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');

/** A version as Markdown (the export): its title, its number, its headings, paragraphs and lists. */
export function toMarkdown(title: string, version: number, blocks: readonly WrittenBlock[]): string {
  const body = blocks.map((block, i) => {
    const line = block.kind === 'heading' ? `## ${block.text}` : block.kind === 'item' ? `- ${block.text}` : escapeLineStart(block.text);
    const together = i > 0 && block.kind === 'item' && blocks[i - 1]!.kind === 'item';
    return `${i === 0 ? '' : together ? '\n' : '\n\n'}${line}`;
  });
  return `# ${title}\n\n_Version ${version}_\n\n${body.join('')}\n`;
}
