import { renderText } from '../social/formatting';
import { html, SafeHtml } from './html';

/** What every template renders to: SES sends `html` and `text` together; Cognito sends `html` alone. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One block of a mail's body, written once for both parts. */
export interface Block {
  html: SafeHtml;
  text: string;
}

/** Colours of the site (web/app/globals.css), with AA contrast on their backgrounds. */
const colors = { brand: '#a8143c', ink: '#231a1d', muted: '#62565a', paper: '#fbf7f4', line: '#e9dfdb', codeBg: '#fff3f5' };
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const paragraph = (text: string): Block => ({
  html: html`<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:${colors.ink}">${text}</p>`,
  text,
});

/**
 * A one-time code, large and easy to copy. `code` may be Cognito's `{####}` placeholder, which
 * Cognito replaces once in the message it sends: the code appears exactly once in the HTML.
 */
export const codeBlock = (label: string, code: string): Block => ({
  html: html`<p style="margin:0 0 8px;font-size:16px;line-height:1.5;color:${colors.ink}">${label}</p>
<p style="margin:0 0 24px;padding:16px;background:${colors.codeBg};border:1px solid ${colors.line};border-radius:8px;text-align:center;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:28px;font-weight:700;letter-spacing:6px;color:${colors.ink}">${code}</p>`,
  text: `${label}\n\n    ${code}`,
});

/** A link styled as a button, with its address in the text part (wave launch and event mails). */
export const button = (label: string, url: string): Block => ({
  html: html`<p style="margin:0 0 24px"><a href="${url}" style="display:inline-block;padding:12px 20px;background:${colors.brand};color:#ffffff;border-radius:8px;font-weight:600;text-decoration:none">${label}</a></p>`,
  text: `${label} : ${url}`,
});

/** A line of small print ending with a link (unsubscribe, manage one's data). */
export const smallLink = (text: string, label: string, url: string): Block => ({
  html: html`<p style="margin:8px 0 0;font-size:13px;line-height:1.5;color:${colors.muted}">${text} <a href="${url}" style="color:${colors.brand}">${label}</a></p>`,
  text: `${text} ${label} : ${url}`,
});

/**
 * A text in the posts' small Markdown (bold, italics, links, lists, quotes), as a mail shows it: the
 * posts' own safe rendering (`social/formatting.ts`, escaped first, then an allowlist of tags), styled
 * inline for mail clients; the text part is the source as typed, which reads well as it is.
 */
export function formattedText(source: string): Block {
  const styled = renderText(source)
    .replace(/<p>/g, `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:${colors.ink}">`)
    .replace(/<(ul|ol)>/g, `<$1 style="margin:0 0 16px;padding:0 0 0 24px;font-size:16px;line-height:1.5;color:${colors.ink}">`)
    .replace(/<blockquote>/g, `<blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid ${colors.line};color:${colors.muted}">`)
    .replace(/<a href="/g, `<a style="color:${colors.brand}" href="`);
  return { html: new SafeHtml(styled), text: source.trim() };
}

/** A short list of links, one a line (an action's slots, each to its sign-up). */
export const linkList = (items: { label: string; url: string }[]): Block => ({
  html: html`<ul style="margin:0 0 24px;padding:0 0 0 20px;font-size:16px;line-height:1.6;color:${colors.ink}">${items.map((item) => html`<li style="margin:0 0 6px"><a href="${item.url}" style="color:${colors.brand};font-weight:600">${item.label}</a></li>`)}</ul>`,
  text: items.map((item) => `- ${item.label} : ${item.url}`).join('\n'),
});

/** A line of small print (who sends the mail). */
export const smallPrint = (text: string): Block => ({
  html: html`<p style="margin:8px 0 0;font-size:13px;line-height:1.5;color:${colors.muted}">${text}</p>`,
  text,
});

export interface LayoutInput {
  subject: string;
  /** The line mail clients show after the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  blocks: Block[];
  /** Why the person receives this mail (small print under the body). */
  footer: string;
  /** Extra small-print blocks under the footer (e.g. the unsubscribe link of bulk mail). */
  footerBlocks?: Block[];
}

/**
 * The one layout of every Coopol mail: a Coopol header, a heading, the blocks, the small print.
 * Accessible: `lang="fr"`, a real heading, presentation-only tables, text contrast at least AA, and
 * a plain-text part with the same content.
 */
export function layoutMail(input: LayoutInput): RenderedMail {
  const footerBlocks = input.footerBlocks ?? [];
  const body = html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.subject}</title>
</head>
<body style="margin:0;padding:0;background:${colors.paper}">
${input.preheader ? html`<div style="display:none;max-height:0;overflow:hidden">${input.preheader}</div>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${colors.paper}">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid ${colors.line};border-radius:12px;font-family:${font}">
<tr><td style="padding:20px 32px;background:${colors.brand};border-radius:12px 12px 0 0">
<p style="margin:0;font-size:22px;font-weight:700;color:#ffffff;letter-spacing:0.5px">Coopol</p>
</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.3;color:${colors.ink}">${input.heading}</h1>
${input.blocks.map((block) => block.html)}
</td></tr>
<tr><td style="padding:20px 32px;border-top:1px solid ${colors.line}">
<p style="margin:0;font-size:13px;line-height:1.5;color:${colors.muted}">${input.footer}</p>
${footerBlocks.map((block) => block.html)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
  const text = ['Coopol', '', input.heading, '', ...input.blocks.map((b) => `${b.text}\n`), '--', input.footer, ...footerBlocks.map((b) => b.text)].join('\n');
  return { subject: input.subject, text: `${text}\n`, html: body.value };
}
