import {
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
import type { ResetPasswordRequest, SignInResult } from '../../contracts/identity';
import { cognito, userPoolClientId } from '../../shared/cognito';
import { UnauthorizedError } from '../errors';
import { PersonEntity } from '../people/entities';
import { fromCognito } from './cognito-errors';
import { maskEmail } from './mask-email';
import { assertAcceptablePassword } from './passwords';
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from './sign-in-throttle';
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
    expiresIn: result.ExpiresIn ?? 3600,
  };
}

/** Sign-in with email and password, throttled per email; may ask for the TOTP code next. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  await assertSignInAllowed(email);
  let result;
  try {
    result = await cognito.send(
      new InitiateAuthCommand({ ClientId: userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
  } catch (error) {
    const name = (error as Error).name;
    // cognito-local answers a wrong password with InvalidPasswordException, AWS with NotAuthorizedException.
    if (name === 'NotAuthorizedException' || name === 'UserNotFoundException' || name === 'InvalidPasswordException') {
      await recordSignInFailure(email);
      throw new UnauthorizedError('Adresse e-mail ou mot de passe incorrect.');
    }
    throw fromCognito(error);
  }
  await clearSignInFailures(email);
  if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA') return { status: 'MFA_REQUIRED', session: result.Session! };
  if (!result.AuthenticationResult) throw new UnauthorizedError('Connexion impossible pour ce compte.');
  return { status: 'SIGNED_IN', tokens: tokensOf(result.AuthenticationResult) };
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
  return { status: 'SIGNED_IN', tokens: tokensOf(result.AuthenticationResult) };
}

export async function refreshSession(refreshToken: string): Promise<SignInResult> {
  const result = await call(() =>
    cognito.send(new InitiateAuthCommand({ ClientId: userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } })),
  );
  if (!result.AuthenticationResult) throw new UnauthorizedError();
  return { status: 'SIGNED_IN', tokens: tokensOf(result.AuthenticationResult) };
}

/** Signs out: the refresh token is revoked, so the session cannot be renewed (tokens already issued expire within the hour). */
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
  await clearSignInFailures(request.email);
}

/** The Cognito user an access token belongs to (Cognito checks the token). */
async function subOfAccessToken(accessToken: string): Promise<string> {
  const user = await call(() => cognito.send(new GetUserCommand({ AccessToken: accessToken })));
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new UnauthorizedError();
  return sub;
}

/** Starts TOTP setup for the caller; the access token must be the caller's own. */
export async function startMfaSetup(userId: string, email: string, accessToken: string) {
  if ((await subOfAccessToken(accessToken)) !== userId) throw new UnauthorizedError('Ce jeton n’est pas le vôtre.');
  const { SecretCode } = await call(() => cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
  const secretCode = SecretCode!;
  return { secretCode, otpauthUri: `otpauth://totp/Coopol:${encodeURIComponent(email)}?secret=${secretCode}&issuer=Coopol` };
}

/** Verifies the first TOTP code and makes TOTP required at every sign-in. */
export async function completeMfaSetup(userId: string, accessToken: string, code: string): Promise<void> {
  if ((await subOfAccessToken(accessToken)) !== userId) throw new UnauthorizedError('Ce jeton n’est pas le vôtre.');
  await call(() => cognito.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code })), { codeField: 'body.code' });
  await call(() =>
    cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
  );
  // Their official powers need it: recorded on the person (absent for someone not registered yet).
  await PersonEntity.patch({ userId }).set({ mfaEnabled: true }).go().catch((error: Error) => {
    if (!isConditionFailure(error)) throw error;
  });
}
