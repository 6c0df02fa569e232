import {
  CodeSent,
  ConfirmSignUpRequest,
  Done,
  ForgotPasswordRequest,
  MfaChallengeRequest,
  MfaSetup,
  RefreshRequest,
  ResendCodeRequest,
  ResetPasswordRequest,
  SignInRequest,
  SignOutRequest,
  SignInResult,
  SignUpRequest,
  SignUpStarted,
  StartMfaRequest,
  VerifyMfaRequest,
} from './identity';
import { Me } from './platform';
import { defineRoute } from './route';

/**
 * Who is signed in; sign-up, sign-in, reset and MFA. Spread into the one route table (routes.ts); the
 * `identity` Lambda imports these alone, so its bundle carries no other feature's contracts.
 */
export const identityRoutes = {
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    feature: 'identity',
    auth: 'jwt',
    summary: 'La personne connectée',
    tags: ['Identité'],
    response: Me,
  }),
  signUp: defineRoute({
    method: 'POST', path: '/api/auth/sign-up', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Commencer une inscription : un code est envoyé par e-mail (même réponse pour une adresse déjà inscrite)',
    body: SignUpRequest, response: SignUpStarted, successStatus: 201,
  }),
  confirmSignUp: defineRoute({
    method: 'POST', path: '/api/auth/confirm-sign-up', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Confirmer son adresse avec le code reçu et choisir son mot de passe : le compte est créé', body: ConfirmSignUpRequest, response: Done,
  }),
  resendSignUpCode: defineRoute({
    method: 'POST', path: '/api/auth/resend-code', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Recevoir un nouveau code pour son inscription (l’ancien ne vaut plus)', body: ResendCodeRequest, response: CodeSent, successStatus: 202,
  }),
  signIn: defineRoute({
    method: 'POST', path: '/api/auth/sign-in', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Se connecter (trop d’échecs ralentissent les tentatives)', body: SignInRequest, response: SignInResult,
  }),
  answerMfa: defineRoute({
    method: 'POST', path: '/api/auth/mfa', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Deuxième étape de connexion : le code de l’application d’authentification', body: MfaChallengeRequest, response: SignInResult,
  }),
  refreshSession: defineRoute({
    method: 'POST', path: '/api/auth/refresh', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Prolonger la session', body: RefreshRequest, response: SignInResult,
  }),
  signOut: defineRoute({
    method: 'POST', path: '/api/auth/sign-out', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Se déconnecter : le jeton de renouvellement est révoqué', body: SignOutRequest, response: Done,
  }),
  forgotPassword: defineRoute({
    method: 'POST', path: '/api/auth/forgot-password', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Recevoir un code pour choisir un nouveau mot de passe', body: ForgotPasswordRequest, response: CodeSent, successStatus: 202,
  }),
  resetPassword: defineRoute({
    method: 'POST', path: '/api/auth/reset-password', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Choisir un nouveau mot de passe avec le code reçu', body: ResetPasswordRequest, response: Done,
  }),
  startMfaSetup: defineRoute({
    method: 'POST', path: '/api/me/mfa/setup', feature: 'identity', auth: 'jwt', tags: ['Identité'],
    summary: 'Activer la double authentification : obtenir le secret TOTP', body: StartMfaRequest, response: MfaSetup,
  }),
  verifyMfaSetup: defineRoute({
    method: 'POST', path: '/api/me/mfa/verify', feature: 'identity', auth: 'jwt', tags: ['Identité'],
    summary: 'Activer la double authentification : vérifier un premier code', body: VerifyMfaRequest, response: Done,
  }),
};
