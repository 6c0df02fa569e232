import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { UnauthorizedError } from '../errors';
import { SESSION_MAX_SECONDS, TOKEN_VALIDITY_MINUTES } from './session-lifetimes';

/**
 * Sessions that really end (ADR 0015 § Sessions). Cognito's tokens cannot be recalled and API
 * Gateway's JWT authorizer does not ask Cognito whether a session was ended, so Coopol keeps, per
 * person, the instant before which every session is over, and one record per session (started
 * through Coopol's sign-in, identified by the tokens' `origin_jti`, which refreshes keep): when it
 * started and whether its sign-in passed the TOTP step. The caller's loading (access/load-caller.ts)
 * and the refresh route check both. Table only: no Cognito client here (every feature loads it).
 */

export { SESSION_MAX_SECONDS, TOKEN_VALIDITY_MINUTES };

/** Per person: sessions started before `validAfter` are over. Outlives the person (erasure relies on it). */
export const SessionsValidAfterEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'sessionsValidAfter', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      /** Epoch milliseconds. */
      validAfter: { type: 'number', required: true },
      /** TTL: once every session started before `validAfter` has expired anyway, the record is moot. */
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);

/** One session, from Coopol's sign-in to the end of its refresh token. */
export const SessionEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'session', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      /** The tokens' `origin_jti`: the same for every token refreshed from the session's refresh token. */
      sessionId: { type: 'string', required: true },
      /** Epoch milliseconds, when Coopol's sign-in got the tokens. */
      startedAt: { type: 'number', required: true },
      /** The sign-in passed the TOTP step (or TOTP was turned on during this session). */
      mfa: { type: 'boolean', required: true, default: false },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['sessionId'] } } },
  },
  { table: tableName, client: documentClient },
);

/** What a token says about its session (claims `origin_jti` and `auth_time`). */
export interface TokenSession {
  /** `origin_jti`; null when the token has none. */
  id: string | null;
  /** `auth_time`, epoch seconds: when the person authenticated (kept across refreshes). */
  authTime: number;
}

const epochSeconds = () => Math.floor(Date.now() / 1000);

/** Records a session just started by Coopol's sign-in (`mfa`: its sign-in passed the TOTP step). */
export async function recordSession(userId: string, session: TokenSession, mfa: boolean): Promise<void> {
  if (!session.id) throw new UnauthorizedError('auth.account-unavailable');
  await SessionEntity.put({ userId, sessionId: session.id, startedAt: Date.now(), mfa, expiresAt: epochSeconds() + SESSION_MAX_SECONDS }).go();
}

/** TOTP turned on during this session: the person just proved they hold the authenticator. */
export async function markSessionMfa(userId: string, session: TokenSession): Promise<void> {
  if (!session.id) return;
  await SessionEntity.patch({ userId, sessionId: session.id }).set({ mfa: true }).go();
}

/** Every session of the person started until now is over (the caller also signs them out of Cognito). */
export async function recordSessionsEnded(userId: string, now = Date.now()): Promise<void> {
  await SessionsValidAfterEntity.put({ userId, validAfter: now, expiresAt: Math.floor(now / 1000) + SESSION_MAX_SECONDS + 3600 }).go();
}

export type SessionRecord = { startedAt: number; mfa: boolean; expiresAt: number };

/**
 * The session a token belongs to, if it is still valid: refused (401) when it was never started
 * through Coopol's sign-in, has expired, started before the person's « sessions valid after », or
 * when the token's authentication (`auth_time`) predates it.
 */
export function assertSessionValid(session: TokenSession, record: SessionRecord | undefined, validAfter: number | undefined): SessionRecord {
  const ended = () => new UnauthorizedError('auth.session-ended');
  if (!record || record.expiresAt <= epochSeconds()) throw ended();
  if (validAfter !== undefined && (record.startedAt < validAfter || session.authTime < Math.floor(validAfter / 1000))) throw ended();
  return record;
}

/** One token's session, checked (two GetItems in parallel: for the refresh route). */
export async function loadValidSession(userId: string, session: TokenSession): Promise<SessionRecord> {
  const [record, ended] = await Promise.all([
    session.id ? SessionEntity.get({ userId, sessionId: session.id }).go() : Promise.resolve({ data: null }),
    SessionsValidAfterEntity.get({ userId }).go(),
  ]);
  return assertSessionValid(session, record.data ?? undefined, ended.data?.validAfter);
}

/** Reads the session claims of a token Coopol just got from Cognito itself (no signature check needed). */
export function sessionOfIssuedToken(token: string): { sub: string; session: TokenSession } {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  if (typeof payload.sub !== 'string') throw new UnauthorizedError();
  return {
    sub: payload.sub,
    session: { id: typeof payload.origin_jti === 'string' ? payload.origin_jti : null, authTime: Number(payload.auth_time ?? 0) },
  };
}
