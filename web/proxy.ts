import { NextResponse, type NextRequest } from 'next/server';
import { cookieOptions, isFresh, isSecureRequest, REFRESH_MAX_AGE_SECONDS, renewTokens, sessionCookies } from './lib/session-core';

/**
 * Renews the id token of a signed-in person before a page renders: the new cookies go to the
 * browser and, through Next's request cookie merge, to the server components of this very request.
 * Runs only when a refresh cookie is present (see `config`); pages and actions still check the
 * session themselves (`lib/session`).
 */
export async function proxy(request: NextRequest) {
  const refreshToken = request.cookies.get(sessionCookies.refreshToken)?.value;
  if (!refreshToken || isFresh(request.cookies.get(sessionCookies.idToken)?.value)) return NextResponse.next();

  const renewed = await renewTokens(refreshToken);
  if (renewed === 'unavailable') return NextResponse.next();
  const response = NextResponse.next();
  if (renewed === 'refused') {
    for (const name of Object.values(sessionCookies)) response.cookies.delete(name);
    return response;
  }
  const options = cookieOptions(isSecureRequest(request.headers, request.url), REFRESH_MAX_AGE_SECONDS);
  response.cookies.set(sessionCookies.idToken, renewed.idToken, options);
  response.cookies.set(sessionCookies.accessToken, renewed.accessToken, options);
  if (renewed.refreshToken) response.cookies.set(sessionCookies.refreshToken, renewed.refreshToken, options);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages and server actions; not the API (another origin's business), nor static files.
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
      has: [{ type: 'cookie', key: 'coopol_refresh' }],
    },
  ],
};
