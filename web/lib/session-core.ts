import { routes } from '@coopol/contracts';
import { callApi, isApiError, type ApiResult } from './api';

/**
 * The session, kept in httpOnly cookies that only the Next server reads: the browser never holds a
 * token it could leak to a script. Shared by `proxy.ts` (which renews the id token before a page
 * renders) and `lib/session.ts` (server components and server actions).
 */
export const sessionCookies = {
  idToken: 'coopol_id',
  accessToken: 'coopol_access',
  refreshToken: 'coopol_refresh',
  /** The first name shown in the header (not a secret, but kept with the session). */
  givenName: 'coopol_name',
  /** Between the password and the TOTP code: `{email, session}` of the pending sign-in. */
  mfa: 'coopol_mfa',
  /** While turning on TOTP: the secret to type in the app, until the first code is checked. */
  totpSetup: 'coopol_totp',
  /**
   * Which rollout pages the header links to (`national`, or the federations of a federation
   * officer): navigation only, read at sign-in; the API decides who sees what.
   */
  rollout: 'coopol_rollout',
} as const;

/** The rollout pages a person's roles open: every scope for national admins, their federations for federation officers. */
export type RolloutAccess = { kind: 'national' } | { kind: 'federations'; codes: string[] } | { kind: 'none' };

export function rolloutAccessOf(roles: { role: string; scopeType: string; scopeId: string }[]): RolloutAccess {
  if (roles.some((grant) => grant.role === 'national-admin')) return { kind: 'national' };
  const codes = roles.filter((grant) => grant.role === 'federation-officer' && grant.scopeType === 'federation').map((grant) => grant.scopeId);
  return codes.length ? { kind: 'federations', codes: [...new Set(codes)] } : { kind: 'none' };
}

/** Cognito's default refresh token validity. */
export const REFRESH_MAX_AGE_SECONDS = 30 * 24 * 3600;
export const MFA_PENDING_MAX_AGE_SECONDS = 5 * 60;
export const TOTP_SETUP_MAX_AGE_SECONDS = 15 * 60;
/** Renew a little before the end, so a token never expires between the check and the API call. */
const EXPIRY_MARGIN_SECONDS = 60;

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
}

export function cookieOptions(secure: boolean, maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge };
}

type HeaderReader = { get(name: string): string | null };

/** Secure cookies when the person reached the site over https (CloudFront in AWS; plain http locally). */
export function isSecureRequest(headers: HeaderReader, url?: string): boolean {
  const forwarded = headers.get('x-forwarded-proto') ?? headers.get('cloudfront-forwarded-proto');
  if (forwarded) return forwarded.split(',')[0]!.trim() === 'https';
  const origin = headers.get('origin');
  if (origin) return origin.startsWith('https:');
  return url?.startsWith('https:') ?? false;
}

/** A JWT's claims, read without checking it (the API checks every token); null when unreadable. */
function claimsOf(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Seconds since the epoch when a JWT expires, read without checking it (the API checks every token). */
export function tokenExpiry(token: string): number | null {
  const exp = claimsOf(token)?.exp;
  return typeof exp === 'number' ? exp : null;
}

/**
 * The person an id token names (`sub`, the API's user id), read without checking it: for drawing a
 * page (which messages are one's own), never for deciding what one may do — the API does that.
 */
export function tokenSubject(token: string): string | null {
  const sub = claimsOf(token)?.sub;
  return typeof sub === 'string' ? sub : null;
}

export function isFresh(token: string | undefined): token is string {
  if (!token) return false;
  const exp = tokenExpiry(token);
  return exp !== null && exp - EXPIRY_MARGIN_SECONDS > Date.now() / 1000;
}

export type Tokens = Extract<ApiResult<typeof routes.signIn>, { status: 'SIGNED_IN' }>['tokens'];

/**
 * New id and access tokens for a refresh token: `refused` when the session is over (revoked,
 * expired), `unavailable` when the API could not answer (the cookies stay, to try again later).
 */
export async function renewTokens(refreshToken: string): Promise<Tokens | 'refused' | 'unavailable'> {
  try {
    const result = await callApi(routes.refreshSession, { body: { refreshToken } });
    return result.status === 'SIGNED_IN' ? result.tokens : 'refused';
  } catch (error) {
    if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429) return 'refused';
    console.error('Could not renew the session', error);
    return 'unavailable';
  }
}

export { safeNextPath } from './safe-next-path';
