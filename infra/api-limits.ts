import type { RouteName } from '../functions/src/contracts/routes';
import { WAVE_QUOTA_SHARE } from '../functions/src/domain/rollout/launch-capacity';

/**
 * Why each public route of the route table (functions/src/contracts/routes.ts) has no JWT
 * authorizer: read by the api stack, which acknowledges cdk-nag's AwsSolutions-APIG4 for that route
 * alone with this reason. A public route missing here fails the synth; so does a `jwt` route listed.
 */
export const publicRouteReasons: Partial<Record<RouteName, string>> = {
  health: 'the health check load balancers and operators call; it answers service states, no data',
  openApi: 'the API’s own description, generated from the contracts; no data',
  listRegions: 'the official geography (INSEE), public information shown before sign-in',
  getRegion: 'the official geography (INSEE), public information shown before sign-in',
  listFederations: 'the official geography (INSEE), public information shown before sign-in',
  getFederation: 'the official geography (INSEE), public information shown before sign-in',
  listFederationSections: 'the party’s sections are public (names and communes), needed to sign up',
  getSection: 'the party’s sections are public (names and communes), needed to sign up',
  resolvePostalCode: 'postal code → commune, federation and region: public geography, asked before an account exists',
  findPlace: '« Trouver ma section »: the public sections of a postal code and whether Coopol is open there, asked before an account exists',
  listPublicEventsNear: 'the events their organizers made public near a postal code, for visitors without an account',
  getRegisterOfProcessing: 'the register of processing (GDPR art. 30) is published for anyone to read; no personal data',
  signUp: 'sign-up happens before any account exists; rate-limited per address and per client (ADR 0015)',
  confirmSignUp: 'the mailed code is the proof; no account exists before it; rate-limited per client',
  resendSignUpCode: 'before any account exists; same answer for any address; rate-limited',
  signIn: 'sign-in is how a token is obtained; guesses counted per address and per client (ADR 0015)',
  answerMfa: 'second step of sign-in, authorized by the Cognito session of the first step',
  refreshSession: 'authorized by the refresh token in the body (Cognito checks it)',
  signOut: 'authorized by the refresh token in the body, which it revokes',
  forgotPassword: 'a person who lost the password has no token; same answer for any address; rate-limited',
  resetPassword: 'authorized by the mailed code (Cognito checks it)',
  getPublicEvent: 'an event its organizers made public, for visitors without an account',
  unsubscribeEventMail: 'one-click unsubscribe (RFC 8058) from a mail: authorized by the signed token in the path',
  readCalendarFeed: 'calendar apps poll a private feed link: authorized by the token in the path, revocable',
  answerPublicEvent: 'visitors answer public events without an account; held until confirmed by mail, rate-limited',
  getVisitorAnswer: 'a visitor’s answer, authorized by the mailed token in the path',
  confirmVisitorAnswer: 'a visitor’s answer, authorized by the mailed token in the path',
  renameVisitorAnswer: 'a visitor’s answer, authorized by the mailed token in the path',
  cancelVisitorAnswer: 'a visitor’s answer, authorized by the mailed token in the path',
  preregister: 'visitors preregister before their region opens (double opt-in), rate-limited',
  getPreregistration: 'a preregistration, authorized by the mailed token in the path',
  confirmPreregistration: 'a preregistration, authorized by the mailed token in the path',
  erasePreregistration: 'a preregistration, authorized by the mailed token in the path',
  unsubscribe: 'one-click unsubscribe (RFC 8058, List-Unsubscribe-Post): authorized by the token in the path',
  unsubscribeSpaceMailings: 'one-click unsubscribe (RFC 8058) from one space’s messages: authorized by the secret token in the path',
};

/**
 * Tighter API Gateway throttles (requests per second for the whole stage, and burst) on the routes
 * an attacker would flood, below the stage default (infra/config.ts `apiThrottle`). They cap the
 * total whatever the number of clients; per-address and per-client limits are the domain's
 * (functions/src/domain/limits). Sign-up confirmation is held under Cognito's UserCreation quota.
 */
export function routeThrottles(cognitoUserCreationRps: number): Partial<Record<RouteName, { rateLimit: number; burstLimit: number }>> {
  // Each confirmation creates one Cognito user (the UserCreation quota): held under it, so that the
  // API answers 429 (and the site retries) before Cognito refuses.
  const confirmations = Math.max(1, Math.floor(cognitoUserCreationRps * WAVE_QUOTA_SHARE));
  return {
    signIn: { rateLimit: 100, burstLimit: 200 },
    answerMfa: { rateLimit: 50, burstLimit: 100 },
    signUp: { rateLimit: 50, burstLimit: 100 },
    confirmSignUp: { rateLimit: confirmations, burstLimit: confirmations * 2 },
    resendSignUpCode: { rateLimit: 20, burstLimit: 40 },
    forgotPassword: { rateLimit: 20, burstLimit: 40 },
    resetPassword: { rateLimit: 20, burstLimit: 40 },
    // The function fetches other sites' pages: a slow, outbound path.
    previewLink: { rateLimit: 20, burstLimit: 40 },
    answerPublicEvent: { rateLimit: 20, burstLimit: 40 },
    preregister: { rateLimit: 50, burstLimit: 100 },
  };
}
