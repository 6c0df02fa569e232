import { routes } from '@coopol/contracts';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { callApi, isApiError, type AnyRoute, type ApiResult, type CallInput } from './api';
import {
  cookieOptions,
  isFresh,
  isSecureRequest,
  MFA_PENDING_MAX_AGE_SECONDS,
  REFRESH_MAX_AGE_SECONDS,
  renewTokens,
  rolloutAccessOf,
  TOTP_SETUP_MAX_AGE_SECONDS,
  sessionCookies,
  type Tokens,
} from './session-core';

/**
 * The signed-in person, for server components and server actions. Tokens live in httpOnly cookies
 * (see `session-core`); `proxy.ts` renews an expired id token before the page renders, and
 * `getSession` renews it again if needed (persisting the new one where cookies can be written).
 */
export interface Session {
  idToken: string;
  accessToken: string | null;
  /** For the header; empty when unknown. */
  givenName: string;
}

async function secure(): Promise<boolean> {
  return isSecureRequest(await headers());
}

/** Cookies can be written in server actions and route handlers, not while a page renders. */
async function tryWrite(write: (jar: Awaited<ReturnType<typeof cookies>>) => void): Promise<void> {
  try {
    write(await cookies());
  } catch {
    // Rendering a page: the proxy persists renewed tokens on the next navigation.
  }
}

async function writeTokens(tokens: Tokens): Promise<void> {
  const options = cookieOptions(await secure(), REFRESH_MAX_AGE_SECONDS);
  await tryWrite((jar) => {
    jar.set(sessionCookies.idToken, tokens.idToken, options);
    jar.set(sessionCookies.accessToken, tokens.accessToken, options);
    if (tokens.refreshToken) jar.set(sessionCookies.refreshToken, tokens.refreshToken, options);
  });
}

/** The session of this request, or null when signed out (memoized per request). */
export const getSession = cache(async (): Promise<Session | null> => {
  const jar = await cookies();
  const idToken = jar.get(sessionCookies.idToken)?.value;
  const accessToken = jar.get(sessionCookies.accessToken)?.value ?? null;
  const givenName = jar.get(sessionCookies.givenName)?.value ?? '';
  if (isFresh(idToken)) return { idToken, accessToken, givenName };

  const refreshToken = jar.get(sessionCookies.refreshToken)?.value;
  if (!refreshToken) return null;
  const renewed = await renewTokens(refreshToken);
  if (renewed === 'refused') {
    await clearSession();
    return null;
  }
  if (renewed === 'unavailable') return null;
  await writeTokens(renewed);
  return { idToken: renewed.idToken, accessToken: renewed.accessToken, givenName };
});

/** Whether the header links to the rollout pages (and to the waves, for national admins): cookies only. */
export async function rolloutLinks(): Promise<'national' | 'federation' | null> {
  const value = (await cookies()).get(sessionCookies.rollout)?.value;
  if (!value) return null;
  return value === 'national' ? 'national' : 'federation';
}

/** Whether the header should show the person's menu: cookies only, no API call. */
export async function signedInName(): Promise<string | null> {
  const jar = await cookies();
  if (!jar.has(sessionCookies.refreshToken) && !isFresh(jar.get(sessionCookies.idToken)?.value)) return null;
  return jar.get(sessionCookies.givenName)?.value ?? '';
}

export function signInHref(returnTo: string): string {
  return `/connexion?suite=${encodeURIComponent(returnTo)}`;
}

/** The session, or off to the sign-in page, which brings the person back to `returnTo`. */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(signInHref(returnTo));
  return session;
}

/**
 * Calls a route that needs the signed-in person. A 401 means the session is no longer valid:
 * the person signs in again and comes back to `returnTo`.
 */
export async function callAsSignedIn<R extends AnyRoute>(
  session: Session,
  returnTo: string,
  route: R,
  input: CallInput<R>,
): Promise<ApiResult<R>> {
  try {
    return await callApi(route, input, { token: session.idToken });
  } catch (error) {
    if (isApiError(error, 401)) redirect(signInHref(returnTo));
    throw error;
  }
}

/** Starts a session after sign-in (server actions only); answers whether onboarding is still to do. */
export async function startSession(tokens: Tokens): Promise<{ onboarded: boolean }> {
  await writeTokens(tokens);
  const jar = await cookies();
  const options = cookieOptions(await secure(), REFRESH_MAX_AGE_SECONDS);
  jar.delete(sessionCookies.mfa);
  try {
    const profile = await callApi(routes.getMyProfile, {}, { token: tokens.idToken });
    jar.set(sessionCookies.givenName, profile.givenName, options);
    const access = rolloutAccessOf(profile.roles);
    if (access.kind === 'none') jar.delete(sessionCookies.rollout);
    else jar.set(sessionCookies.rollout, access.kind === 'national' ? 'national' : access.codes.join(','), options);
    return { onboarded: profile.onboarded };
  } catch (error) {
    // A confirmed account whose person is not created yet has no profile: the session still stands.
    console.error('Could not read the profile after sign-in', error);
    jar.delete(sessionCookies.givenName);
    return { onboarded: true };
  }
}

/** After a change of first name (server actions only). */
export async function rememberGivenName(givenName: string): Promise<void> {
  const options = cookieOptions(await secure(), REFRESH_MAX_AGE_SECONDS);
  await tryWrite((jar) => jar.set(sessionCookies.givenName, givenName, options));
}

export async function clearSession(): Promise<void> {
  await tryWrite((jar) => {
    for (const name of Object.values(sessionCookies)) jar.delete(name);
  });
}

/** The password step succeeded and Cognito asks for the TOTP code: remember the challenge briefly. */
export async function rememberMfaChallenge(email: string, session: string): Promise<void> {
  const jar = await cookies();
  jar.set(sessionCookies.mfa, JSON.stringify({ email, session }), cookieOptions(await secure(), MFA_PENDING_MAX_AGE_SECONDS));
}

export async function pendingMfaChallenge(): Promise<{ email: string; session: string } | null> {
  const raw = (await cookies()).get(sessionCookies.mfa)?.value;
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { email?: unknown; session?: unknown };
    return typeof value.email === 'string' && typeof value.session === 'string' ? { email: value.email, session: value.session } : null;
  } catch {
    return null;
  }
}

export interface TotpSetup {
  secretCode: string;
  otpauthUri: string;
}

/** The TOTP secret being set up (server actions only), shown until the first code is checked. */
export async function rememberTotpSetup(setup: TotpSetup | null): Promise<void> {
  const jar = await cookies();
  if (!setup) jar.delete(sessionCookies.totpSetup);
  else jar.set(sessionCookies.totpSetup, JSON.stringify(setup), cookieOptions(await secure(), TOTP_SETUP_MAX_AGE_SECONDS));
}

export async function pendingTotpSetup(): Promise<TotpSetup | null> {
  const raw = (await cookies()).get(sessionCookies.totpSetup)?.value;
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<TotpSetup>;
    return typeof value.secretCode === 'string' && typeof value.otpauthUri === 'string'
      ? { secretCode: value.secretCode, otpauthUri: value.otpauthUri }
      : null;
  } catch {
    return null;
  }
}
