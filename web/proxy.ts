import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './lib/security-headers';
import { cookieOptions, isFresh, isSecureRequest, REFRESH_MAX_AGE_SECONDS, renewTokens, sessionCookies } from './lib/session-core';

/**
 * Every page and server action passes here: it gets its Content-Security-Policy with a fresh nonce,
 * a visitor's home address shows the landing (`/decouvrir`),
 * which Next reads from the request to put on its scripts (the other security headers are in
 * next.config.ts), and a signed-in person's id token is
 * renewed before the page renders — the new cookies go to the browser and, through Next's request
 * cookie merge, to the server components of this very request. Pages and actions still check the
 * session themselves (`lib/session`).
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  // The home address, for a visitor (no session cookie at all): the landing, a page of its own
  // (`app/decouvrir`), shown at `/`.
  const visitor = !request.cookies.has(sessionCookies.idToken) && !request.cookies.has(sessionCookies.refreshToken);
  const response =
    visitor && request.nextUrl.pathname === '/'
      ? NextResponse.rewrite(new URL('/decouvrir', request.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  await renewSession(request, response);
  response.headers.set('content-security-policy', csp);
  return response;
}

async function renewSession(request: NextRequest, response: NextResponse): Promise<void> {
  const refreshToken = request.cookies.get(sessionCookies.refreshToken)?.value;
  if (!refreshToken || isFresh(request.cookies.get(sessionCookies.idToken)?.value)) return;

  const renewed = await renewTokens(refreshToken);
  if (renewed === 'unavailable') return;
  if (renewed === 'refused') {
    for (const name of Object.values(sessionCookies)) response.cookies.delete(name);
    return;
  }
  const options = cookieOptions(isSecureRequest(request.headers, request.url), REFRESH_MAX_AGE_SECONDS);
  response.cookies.set(sessionCookies.idToken, renewed.idToken, options);
  response.cookies.set(sessionCookies.accessToken, renewed.accessToken, options);
  if (renewed.refreshToken) response.cookies.set(sessionCookies.refreshToken, renewed.refreshToken, options);
}

export const config = {
  matcher: [
    {
      // Pages and server actions; not the API (another origin's business), nor static files.
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
    },
  ],
};
