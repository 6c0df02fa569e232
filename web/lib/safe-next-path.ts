const thisSite = 'https://coopol.invalid';

/**
 * Where to go after signing in: a path of this site only. Parsed as a URL, as the browser will
 * (which drops tabs and line breaks and reads a backslash as `/`: `/\t/evil.example` is `//evil.example`),
 * never judged by its first characters; what is returned is the parsed path, not the raw text.
 */
export function safeNextPath(raw: unknown, fallback = '/profil'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, thisSite);
  } catch {
    return fallback;
  }
  if (url.origin !== thisSite) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
