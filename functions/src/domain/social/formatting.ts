import MarkdownIt from 'markdown-it';
import xssModule from 'xss';
import { foldName } from '../territory/names';

/**
 * Posts and comments are written in a small Markdown (bold, italics, lists, quotes, links) and kept
 * as their source plus a safe HTML rendering, made here once at write time:
 * 1. markdown-it with raw HTML turned off: any `<script>`, `<img onerror>`… typed by the author is
 *    text, escaped; its own link check already refuses `javascript:`, `vbscript:`, `data:` links;
 * 2. then an allowlist filter (js-xss) over its output, as a second lock: only the tags below,
 *    only `href` on links, only http(s)/mailto URLs, and every link opens without the opener and
 *    without passing our page as referrer.
 * The web pages insert this HTML as is; nothing else from a post reaches the page unescaped.
 */
const markdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true, typographer: false })
  .enable(['paragraph', 'newline', 'emphasis', 'list', 'blockquote', 'link', 'linkify', 'escape', 'backticks', 'autolink'])
  .disable([]);

// js-xss is CommonJS: its named exports hang off the default export when imported from ESM.
const xss = xssModule as unknown as typeof import('xss');

const allowedTags: Record<string, string[]> = {
  p: [], br: [], strong: [], em: [], ul: [], ol: [], li: [], blockquote: [], code: [], a: ['href'],
};

const safeUrl = /^(https?:\/\/|mailto:)/i;

const filter = new xss.FilterXSS({
  whiteList: allowedTags,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  onTagAttr(tag: string, name: string, value: string) {
    if (tag === 'a' && name === 'href') {
      const url = value.trim();
      if (!safeUrl.test(url)) return '';
      return `href="${xss.escapeAttrValue(url)}" rel="nofollow noopener noreferrer ugc" target="_blank"`;
    }
    return undefined;
  },
});

/** The safe HTML of a post's or comment's text. */
export function renderText(text: string): string {
  return filter.process(markdown.render(text)).trim();
}

/** Accent- and case-free words of a text, for search. */
export function searchableText(text: string): string {
  return foldName(text).slice(0, 2000);
}
