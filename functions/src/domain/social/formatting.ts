import { foldName } from '../territory/names';
import { mentionPattern } from './mentions';

/**
 * Posts and comments are written in a small Markdown — **bold**, *italics* or _italics_, `code`,
 * [links](https://…), bare https:// addresses, lists (`- `, `1. `), quotes (`> `), line breaks — and
 * kept as their source plus a safe HTML rendering made here once, at write time:
 * 1. the text is HTML-escaped **first**, whole: whatever the author typed (`<script>`, `<img
 *    onerror>`, quotes…) can only ever be text; the renderer then adds its own few tags, and a link
 *    only for http(s) and mailto addresses (never `javascript:`, `data:`, `vbscript:`);
 * 2. an allowlist check over the result is a second lock (`onlyAllowedMarkup`): only our tags, only
 *    a safe `href` on links — else the whole text is shown escaped. Links get
 *    `rel="nofollow noopener noreferrer ugc"`.
 * Mentions the notifications job resolved (`@Prénom Nom` → one person who may read the post) become
 * links to `/personnes/{userId}`, found in the escaped text like the other links (ADR 0012).
 * Why no library: markdown-it (90 KB) and js-xss (19 KB) put the posts Lambda over its 500 KB budget,
 * for features (tables, headings, images, raw HTML) posts must not have anyway (ADR 0012).
 */
const allowedTags = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'code', 'a']);
const safeUrl = /^(https?:\/\/|mailto:)/i;
const profileUrl = /^\/personnes\/[\w-]{8,64}$/;
const safeHref = (href: string) => safeUrl.test(href) || profileUrl.test(href);

/** A person a text names, as the notifications job resolved it: the folded name and who it is. */
export interface ResolvedMention {
  folded: string;
  userId: string;
}

/**
 * The second lock: every tag of a rendering is one of ours, without attributes but a link's safe
 * `href`, and no `<` or `>` stands outside a tag. Anything else and the whole text is shown escaped.
 */
export function onlyAllowedMarkup(html: string): boolean {
  const withoutTags = html.replace(/<(\/?)([a-z]+)((?: href="[^"<>]*")?)>/g, (whole, closing: string, name: string, attribute: string) => {
    if (!allowedTags.has(name)) return '<'; // left in: refused below
    if (attribute && (closing || name !== 'a' || !safeHref(attribute.slice(7, -1).replace(/&amp;/g, '&')))) return '<';
    return '';
  });
  return !/[<>]/.test(withoutTags);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Bold and italics, on escaped text that holds no tag yet. */
const emphasis = (text: string) =>
  text.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>').replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?=$|[^\w*])/g, '$1<em>$2</em>');

// On escaped text: [label](address) with an allowed address, or a bare http(s) address.
const linkPattern = /\[([^\]\n]{1,300})\]\(([^()\s]{1,2048})\)|\bhttps?:\/\/[^\s<>()]{1,2048}/g;

/** Escaped text without links (a typed ' is escaped there, so ends a name): a resolved mention's longest name becomes a link to the profile, the rest gets its emphasis. */
function withMentions(escaped: string, mentions: readonly ResolvedMention[]): string {
  if (!mentions.length) return emphasis(escaped);
  let out = '';
  let last = 0;
  for (const match of escaped.matchAll(mentionPattern)) {
    const words = match[1]!.split(/[ \u00a0]/);
    for (let length = words.length; length >= 2; length -= 1) {
      const typed = words.slice(0, length).join(' ');
      const person = mentions.find((m) => m.folded === foldName(typed));
      if (!person || !profileUrl.test(`/personnes/${person.userId}`)) continue;
      out += `${emphasis(escaped.slice(last, match.index))}<a href="/personnes/${person.userId}">@${match[1]!.slice(0, typed.length)}</a>`;
      last = match.index + 1 + typed.length;
      break;
    }
  }
  return out + emphasis(escaped.slice(last));
}

/** One line of escaped text: code spans stay as typed, links get their tag, the rest its emphasis. */
function inlineOf(escaped: string, mentions: readonly ResolvedMention[]): string {
  return escaped
    .split(/(`[^`\n]+`)/g)
    .map((part, i) => {
      if (i % 2 === 1) return `<code>${part.slice(1, -1)}</code>`;
      let out = '';
      let last = 0;
      for (const match of part.matchAll(linkPattern)) {
        const [whole, label, address] = match;
        const href = address ?? whole;
        out += withMentions(part.slice(last, match.index), mentions);
        out += safeUrl.test(href) ? `<a href="${href}">${label ? emphasis(label) : href}</a>` : emphasis(whole);
        last = match.index + whole.length;
      }
      return out + withMentions(part.slice(last), mentions);
    })
    .join('');
}

type LineKind = 'ul' | 'ol' | 'quote' | 'text';
const kindOf = (line: string): LineKind => (/^\s*[-*] /.test(line) ? 'ul' : /^\s*\d{1,3}[.)] /.test(line) ? 'ol' : /^&gt; ?/.test(line) ? 'quote' : 'text');

function run(kind: LineKind, lines: string[], mentions: readonly ResolvedMention[]): string {
  const inline = (line: string) => inlineOf(line, mentions);
  switch (kind) {
    case 'ul':
      return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`;
    case 'ol':
      return `<ol>${lines.map((l) => `<li>${inline(l.replace(/^\s*\d{1,3}[.)] /, ''))}</li>`).join('')}</ol>`;
    case 'quote':
      return `<blockquote><p>${lines.map((l) => inline(l.replace(/^&gt; ?/, ''))).join('<br>')}</p></blockquote>`;
    case 'text':
      return `<p>${lines.map(inline).join('<br>')}</p>`;
  }
}

/** A block (between blank lines): consecutive lines of one kind (list items, quote, text) make one element. */
function block(lines: string[], mentions: readonly ResolvedMention[]): string {
  const runs: { kind: LineKind; lines: string[] }[] = [];
  for (const line of lines) {
    const kind = kindOf(line);
    if (runs.at(-1)?.kind === kind) runs.at(-1)!.lines.push(line);
    else runs.push({ kind, lines: [line] });
  }
  return runs.map((r) => run(r.kind, r.lines, mentions)).join('\n');
}

/** Outside links open in a new tab, without our page as opener or referrer, and tell search engines nothing. */
const linkAttributes = (html: string) => html.replace(/<a href="([^"/][^"]*)">/g, '<a href="$1" rel="nofollow noopener noreferrer ugc" target="_blank">');

/** The safe HTML of a post's or comment's text, with links to the people it names once they are resolved. */
export function renderText(text: string, mentions: readonly ResolvedMention[] = []): string {
  const blocks = escapeHtml(text.replace(/\r\n?/g, '\n'))
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length);
  const html = blocks.map((lines) => block(lines, mentions)).join('\n');
  return onlyAllowedMarkup(html) ? linkAttributes(html) : `<p>${escapeHtml(text)}</p>`;
}

/** Accent- and case-free words of a text, for search. */
export function searchableText(text: string): string {
  return foldName(text).slice(0, 2000);
}
