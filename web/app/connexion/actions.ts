'use server';

import { routes } from '@coopol/contracts';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { callApi, isApiError } from '../../lib/api';
import { failure, raw, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { safeNextPath, sessionCookies, type Tokens } from '../../lib/session-core';
import { clearSession, pendingMfaChallenge, rememberMfaChallenge, startSession } from '../../lib/session';

/** Where a new session goes: onboarding first, the page asked for otherwise. */
async function landing(tokens: Tokens, next: string): Promise<string> {
  const { onboarded } = await startSession(tokens);
  if (onboarded) return next;
  return next === '/profil' ? '/bienvenue' : `/bienvenue?suite=${encodeURIComponent(next)}`;
}

export async function signIn(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const next = safeNextPath(text(form, 'suite'));
  const unlockCode = text(form, 'unlockCode').replace(/\s+/g, '');
  const values = { email, unlockCode };
  let destination: string;
  try {
    const result = await callApi(routes.signIn, { body: { email, password: raw(form, 'password'), ...(unlockCode && { unlockCode }) } });
    if (result.status === 'MFA_REQUIRED') {
      await rememberMfaChallenge(email, result.session);
      destination = `/connexion/code?suite=${encodeURIComponent(next)}`;
    } else {
      destination = await landing(result.tokens, next);
    }
  } catch (error) {
    // An account whose address is not confirmed yet: straight to the code.
    if (isApiError(error, 403) && error.code === 'auth.not-confirmed') destination = `/inscription/confirmer?a-confirmer=1&email=${encodeURIComponent(email)}`;
    // Throttled: the password alone waits; the code mailed to the address (if it has an account) lets its owner in.
    else if (isApiError(error, 429) && !unlockCode) destination = `/connexion?code-envoye=1&email=${encodeURIComponent(email)}&suite=${encodeURIComponent(next)}`;
    else return failure(error, values, ['email', 'password', 'unlockCode']);
  }
  redirect(destination);
}

/** Second step: the code of the authentication app, for the challenge kept since the password step. */
export async function answerMfa(_previous: FormState, form: FormData): Promise<FormState> {
  const next = safeNextPath(text(form, 'suite'));
  const code = text(form, 'code').replace(/\s+/g, '');
  const challenge = await pendingMfaChallenge();
  if (!challenge) redirect(`/connexion?expire=1&suite=${encodeURIComponent(next)}`);
  let destination: string;
  try {
    const result = await callApi(routes.answerMfa, { body: { email: challenge.email, session: challenge.session, code } });
    if (result.status !== 'SIGNED_IN') return failure(new Error('A second challenge after the TOTP code'), { code }, ['code']);
    destination = await landing(result.tokens, next);
  } catch (error) {
    // Cognito's challenge lasts a few minutes: past that, start again from the password.
    if (isApiError(error, 401)) destination = `/connexion?expire=1&email=${encodeURIComponent(challenge.email)}&suite=${encodeURIComponent(next)}`;
    else return failure(error, { code }, ['code']);
  }
  redirect(destination);
}

/** Revokes the refresh token (so a copied cookie is worth nothing), then forgets the session here. */
export async function signOut(): Promise<void> {
  const refreshToken = (await cookies()).get(sessionCookies.refreshToken)?.value;
  if (refreshToken) {
    await callApi(routes.signOut, { body: { refreshToken } }).catch((error: unknown) => {
      // Signing out here never fails: the cookies go whatever the API says.
      console.error('Could not revoke the refresh token at sign-out', error);
    });
  }
  await clearSession();
  redirect('/');
}
