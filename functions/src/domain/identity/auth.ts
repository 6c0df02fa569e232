import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import type * as z from 'zod';
import type { ResetPasswordRequest, SignInRequest, SignInResult } from '../../contracts/identity';
import { cognito, userPoolClientId, userPoolId } from '../../shared/cognito';
import { UnauthorizedError } from '../errors';
import { PersonEntity } from '../people/entities';
import { fromCognito } from './cognito-errors';
import { maskEmail } from './mask-email';
import { assertAcceptablePassword } from './passwords';
import type { Actor } from './actor';
import { endAllSessions } from './end-sessions';
import { loadValidSession, markSessionMfa, recordSession, sessionOfIssuedToken, TOKEN_VALIDITY_MINUTES } from './sessions';
import { clearSignInGuesses, cognitoLockout, spendSignInGuess } from './sign-in-throttle';
import { isConditionFailure } from '../../shared/conditions';

export { maskEmail };

async function call<T>(send: () => Promise<T>, context?: Parameters<typeof fromCognito>[1]): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw fromCognito(error, context);
  }
}

function tokensOf(result: AuthenticationResultType) {
  return {
    idToken: result.IdToken!,
    accessToken: result.AccessToken!,
    refreshToken: result.RefreshToken,
    expiresIn: result.ExpiresIn ?? TOKEN_VALIDITY_MINUTES * 60,
  };
}

/** A session Cognito just opened: recorded, so the API knows it started here and how (TOTP or not). */
async function startedSession(result: AuthenticationResultType, mfa: boolean): Promise<SignInResult> {
  const { sub, session } = sessionOfIssuedToken(result.AccessToken!);
  await recordSession(sub, session, mfa);
  return { status: 'SIGNED_IN', tokens: tokensOf(result) };
}

/**
 * Sign-in with email and password, throttled per address and client (the guess is counted before
 * Cognito checks the password); `unlockCode`, the code mailed when the address is throttled, lets its
 * owner in anyway. May ask for the TOTP code next.
 */
export async function signIn(request: z.infer<typeof SignInRequest>, client: { ip: string }): Promise<SignInResult> {
  const { email, password } = request;
  await spendSignInGuess(email, client.ip, request.unlockCode);
  let result;
  try {
    result = await cognito.send(
      new InitiateAuthCommand({ ClientId: userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
  } catch (error) {
    const name = (error as Error).name;
    // Cognito's own lockout (AWS; not in cognito-local) after repeated failures, told like ours.
    if (name === 'NotAuthorizedException' && /attempts exceeded/i.test((error as Error).message)) throw cognitoLockout();
    // cognito-local answers a wrong password with InvalidPasswordException, AWS with NotAuthorizedException.
    if (name === 'NotAuthorizedException' || name === 'UserNotFoundException' || name === 'InvalidPasswordException') {
      throw new UnauthorizedError('auth.wrong-credentials');
    }
    throw fromCognito(error);
  }
  await clearSignInGuesses(email, client.ip);
  if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA') return { status: 'MFA_REQUIRED', session: result.Session! };
  if (!result.AuthenticationResult) throw new UnauthorizedError('auth.account-unavailable');
  return startedSession(result.AuthenticationResult, false);
}

/** Second step of a sign-in with MFA: the TOTP code. */
export async function answerMfaChallenge(email: string, session: string, code: string): Promise<SignInResult> {
  const result = await call(
    () =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: userPoolClientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: session,
          ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      ),
    { codeField: 'body.code' },
  );
  if (!result.AuthenticationResult) throw new UnauthorizedError();
  return startedSession(result.AuthenticationResult, true);
}

/**
 * New tokens for a refresh token, unless its session has ended (all devices signed out, password
 * reset): then the refresh token is revoked too and the answer is 401. Cognito keeps `auth_time` and
 * `origin_jti` across refreshes, so the new tokens say which session they continue.
 */
export async function refreshSession(refreshToken: string): Promise<SignInResult> {
  const result = await call(() =>
    cognito.send(new InitiateAuthCommand({ ClientId: userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } })),
  );
  if (!result.AuthenticationResult) throw new UnauthorizedError();
  const { sub, session } = sessionOfIssuedToken(result.AuthenticationResult.AccessToken!);
  try {
    await loadValidSession(sub, session);
  } catch (error) {
    await cognito.send(new RevokeTokenCommand({ ClientId: userPoolClientId, Token: refreshToken })).catch(() => undefined);
    throw error;
  }
  return { status: 'SIGNED_IN', tokens: tokensOf(result.AuthenticationResult) };
}

/** « Déconnecter tous mes appareils »: every session of the caller ends, this one included. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await endAllSessions((await liveUser(actor)).userId);
}

/** Signs out: the refresh token is revoked, so the session cannot be renewed (tokens already issued expire within 15 minutes). */
export async function signOut(refreshToken: string): Promise<void> {
  await call(() => cognito.send(new RevokeTokenCommand({ ClientId: userPoolClientId, Token: refreshToken })));
}

/** Sends a reset code; answers the same whether the account exists or not (no account discovery). */
export async function forgotPassword(email: string): Promise<{ destination: string }> {
  try {
    await cognito.send(new ForgotPasswordCommand({ ClientId: userPoolClientId, Username: email }));
  } catch (error) {
    if ((error as Error).name !== 'UserNotFoundException') throw fromCognito(error);
  }
  return { destination: maskEmail(email) };
}

export async function resetPassword(request: z.infer<typeof ResetPasswordRequest>): Promise<void> {
  assertAcceptablePassword(request.password, request);
  await call(() =>
    cognito.send(
      new ConfirmForgotPasswordCommand({ ClientId: userPoolClientId, Username: request.email, ConfirmationCode: request.code, Password: request.password }),
    ),
  );
  // Whoever held a session with the old password (perhaps the reason for the reset) is signed out.
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: request.email }));
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  if (sub) await endAllSessions(sub);
  await clearSignInGuesses(request.email);
}

/** The Cognito user an access token belongs to (Cognito checks the token). */
async function subOfAccessToken(accessToken: string): Promise<string> {
  const user = await call(() => cognito.send(new GetUserCommand({ AccessToken: accessToken })));
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new UnauthorizedError();
  return sub;
}

/** The caller of a route that acts on their own Cognito account, whose session must still be valid. */
async function liveUser(actor: Actor): Promise<{ userId: string; email: string }> {
  if (actor.kind !== 'user') throw new UnauthorizedError();
  if (actor.session) await loadValidSession(actor.sub, actor.session);
  return { userId: actor.sub, email: actor.email ?? '' };
}

/** Starts TOTP setup for the caller; the access token must be the caller's own. */
export async function startMfaSetup(actor: Actor, accessToken: string) {
  const { userId, email } = await liveUser(actor);
  if ((await subOfAccessToken(accessToken)) !== userId) throw new UnauthorizedError('auth.token-not-yours');
  const { SecretCode } = await call(() => cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
  const secretCode = SecretCode!;
  return { secretCode, otpauthUri: `otpauth://totp/Coopol:${encodeURIComponent(email)}?secret=${secretCode}&issuer=Coopol` };
}

/**
 * Verifies the first TOTP code and makes TOTP required at every sign-in. The code proves the
 * authenticator is in hand: this session counts as signed in with TOTP.
 */
export async function completeMfaSetup(actor: Actor, accessToken: string, code: string): Promise<void> {
  const { userId } = await liveUser(actor);
  if ((await subOfAccessToken(accessToken)) !== userId) throw new UnauthorizedError('auth.token-not-yours');
  await call(() => cognito.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code })), { codeField: 'body.code' });
  await call(() =>
    cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
  );
  // Their official powers need it: recorded on the person (absent for someone not registered yet).
  await PersonEntity.patch({ userId }).set({ mfaEnabled: true }).go().catch((error: Error) => {
    if (!isConditionFailure(error)) throw error;
  });
  if (actor.kind === 'user' && actor.session) await markSessionMfa(userId, actor.session);
}
