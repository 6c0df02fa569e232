import { identityRoutes as routes } from '../contracts/identity-routes';
import * as auth from '../domain/identity/auth';
import { describeActor } from '../domain/identity/service';
import * as signUp from '../domain/identity/sign-up';
import { featureLambda, implement } from './kit/feature-lambda';

/** Identity: who is calling; sign-up, sign-in, password reset, TOTP. */
export const handler = featureLambda('identity', [
  implement(routes.me, async ({ actor }) => describeActor(actor)),
  implement(routes.signUp, async ({ body }) => signUp.startSignUp(body)),
  implement(routes.confirmSignUp, async ({ body, client }) => (await signUp.confirmSignUp(body, client), { ok: true as const })),
  implement(routes.resendSignUpCode, async ({ body }) => signUp.resendSignUpCode(body.email, body.attempt)),
  implement(routes.signIn, async ({ body }) => auth.signIn(body.email, body.password)),
  implement(routes.answerMfa, async ({ body }) => auth.answerMfaChallenge(body.email, body.session, body.code)),
  implement(routes.refreshSession, async ({ body }) => auth.refreshSession(body.refreshToken)),
  implement(routes.signOut, async ({ body }) => (await auth.signOut(body.refreshToken), { ok: true as const })),
  implement(routes.forgotPassword, async ({ body }) => auth.forgotPassword(body.email)),
  implement(routes.resetPassword, async ({ body }) => (await auth.resetPassword(body), { ok: true as const })),
  implement(routes.startMfaSetup, async ({ body, actor }) => {
    const { sub, email } = describeActor(actor);
    return auth.startMfaSetup(sub, email ?? '', body.accessToken);
  }),
  implement(routes.verifyMfaSetup, async ({ body, actor }) => (await auth.completeMfaSetup(describeActor(actor).sub, body.accessToken, body.code), { ok: true as const })),
]);
