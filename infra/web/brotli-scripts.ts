import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * The site's scripts as browsers receive them (ADR 0026): the content-hashed files under
 * `/_next/static/` are compressed once, at brotli's best quality, when they are built — uploaded
 * beside the originals as `<file>.js.br` and chosen by CloudFront's viewer-request function for a
 * browser that accepts brotli —, not by CloudFront at the edge, whose quality is not published.
 * The local gateway serves them the same way, so the first-load benchmark counts what is sent.
 */
export const BROTLI_QUALITY = 11;

/** Files that are sent precompressed: the build's own scripts, whose names change with their content. */
export const precompressedScript = /^\/_next\/static\/.+\.js$/;

/** Whether an `Accept-Encoding` value lets brotli be sent (not when it is refused with `q=0`). */
export function acceptsBrotli(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    return coding?.trim().toLowerCase() === 'br' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

export function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/**
 * CloudFront's viewer-request function on the static files (a CloudFront Functions JS 2.0 source):
 * a browser that accepts brotli gets the precompressed copy of a build script, which the bucket
 * holds with `Content-Encoding: br` — the cache key is the rewritten address, so each copy is cached
 * apart. The same test as `precompressedScript` and `acceptsBrotli` (Chromium never sends `br;q=0`).
 */
export const chooseBrotliFunctionCode =
  'function handler(event) { var request = event.request; var accept = request.headers["accept-encoding"]; ' +
  'if (accept && /(^|,)\\s*br\\s*(,|;|$)/i.test(accept.value) && /^\\/_next\\/static\\/.+\\.js$/.test(request.uri)) { request.uri = request.uri + ".br"; } ' +
  'return request; }';

/**
 * Writes `<file>.br` for every build script under `versionedDirectory` (OpenNext's `assets/_next`)
 * into `outDirectory`, the same tree: what the deploy uploads with `Content-Encoding: br`.
 * Returns how many files it wrote.
 */
export function writePrecompressedScripts(versionedDirectory: string, outDirectory: string): number {
  rmSync(outDirectory, { recursive: true, force: true });
  let written = 0;
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(versionedDirectory, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (precompressedScript.test(`/_next/${child}`)) {
        mkdirSync(path.join(outDirectory, relative), { recursive: true });
        writeFileSync(path.join(outDirectory, `${child}.br`), brotli(readFileSync(path.join(versionedDirectory, child))));
        written += 1;
      }
    }
  };
  walk('');
  return written;
}
