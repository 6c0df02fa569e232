/**
 * The Content-Security-Policy every page carries (set by `proxy.ts`, with a nonce per response that
 * Next puts on its own scripts): scripts of this site only, no framing by anyone (officials' pages
 * must not be framed and clicked through). The headers that never change are in next.config.ts.
 */

/** Players a post may embed, after a click (functions/src/domain/social/embeds.ts builds their addresses). */
const embedOrigins = [
  'https://www.youtube-nocookie.com',
  'https://www.dailymotion.com',
  'https://player.vimeo.com',
  'https://w.soundcloud.com',
  'https://framatube.org',
  'https://peertube.fr',
  'https://video.blast-info.fr',
  'https://tube.aquilenet.fr',
  'https://videos.pair2jeux.tube',
];

/**
 * Where the browser sends uploads and reads a post's files (presigned S3 addresses): the bucket's
 * origin, given to the site's server by the stack (`COOPOL_FILES_ORIGIN`).
 */
function filesOrigin(): string[] {
  const origin = process.env.COOPOL_FILES_ORIGIN;
  if (!origin) return [];
  return [new URL(origin).origin];
}

/**
 * The live channel (ADR 0029): in AWS the WebSocket API's own origin (`wss://…`, COOPOL_REALTIME_URL
 * from the stack); locally it is `/ws` on this origin, which 'self' covers.
 */
function realtimeOrigin(): string[] {
  const url = process.env.COOPOL_REALTIME_URL;
  if (!url) return [];
  return [new URL(url).origin];
}

export function contentSecurityPolicy(nonce: string): string {
  const files = filesOrigin();
  return [
    `default-src 'self'`,
    // 'strict-dynamic': the scripts Next loads from its nonced ones are trusted, nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React sets style attributes; no script runs from a style.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: ${files.join(' ')}`.trim(),
    `media-src 'self' ${files.join(' ')}`.trim(),
    `connect-src 'self' ${[...files, ...realtimeOrigin()].join(' ')}`.trim(),
    `frame-src ${embedOrigins.join(' ')}`,
    `font-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
