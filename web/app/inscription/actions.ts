'use server';

import { routes } from '@coopol/contracts';
import { redirect } from 'next/navigation';
import { t } from '../../i18n';
import { refusalText } from '../../i18n/errors';
import { callApi, isApiError, type CallInput } from '../../lib/api';
import { failure, raw, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { startSession } from '../../lib/session';

const signUpFields = ['givenName', 'familyName', 'email', 'postalCode', 'memberNumber', 'consent'] as const;

/**
 * Starts the sign-up: the API checks every field and mails a code (it answers the same for an address
 * that already has an account); the form shows what it says. No password yet: it is chosen with the code.
 */
export async function signUp(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const memberNumber = text(form, 'memberNumber').replace(/\s+/g, '').toUpperCase();
  const values = {
    givenName: text(form, 'givenName'),
    familyName: text(form, 'familyName'),
    email,
    postalCode: text(form, 'postalCode').replace(/\s+/g, ''),
    memberNumber,
    consent: form.get('consent') === 'on' ? 'on' : '',
  };
  // Sent as typed: the API's contract decides, and says which field is wrong, in French.
  const body = {
    email,
    givenName: values.givenName,
    familyName: values.familyName,
    postalCode: values.postalCode,
    ...(memberNumber ? { memberNumber } : {}),
    consent: values.consent === 'on',
  } as CallInput<typeof routes.signUp>['body'];
  let attempt: string;
  try {
    ({ attempt } = await callApi(routes.signUp, { body }));
  } catch (error) {
    const refused = failure(error, values, signUpFields);
    // Coopol is not open in this territory yet: offer to preregister, with what was typed.
    if (isApiError(error, 403) && error.code === 'territory.not-open') {
      const query = new URLSearchParams({ email, cp: values.postalCode });
      return { ...refused, message: refusalText(error), next: { href: `/preinscription?${query.toString()}`, label: t('signUp.preregister') } };
    }
    return refused;
  }
  // The attempt's id lets « Renvoyer le code » re-mail this sign-up's code, and no other.
  redirect(`/inscription/confirmer?${new URLSearchParams({ email, essai: attempt }).toString()}`);
}

/**
 * Confirms the address with the 6-digit code and the password chosen here: the account is created
 * with it. Then the new person is signed in (on to the welcome step), or sent to sign-in.
 */
export async function confirmSignUp(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const code = text(form, 'code').replace(/\s+/g, '');
  const password = raw(form, 'password');
  const values = { email, code };
  try {
    await callApi(routes.confirmSignUp, { body: { email, code, password } });
  } catch (error) {
    return failure(error, values, form.has('emailVisible') ? ['email', 'code', 'password'] : ['code', 'password']);
  }
  let destination = `/connexion?confirme=1&email=${encodeURIComponent(email)}`;
  try {
    const result = await callApi(routes.signIn, { body: { email, password } });
    if (result.status === 'SIGNED_IN') {
      const { onboarded } = await startSession(result.tokens);
      destination = onboarded ? '/profil' : '/bienvenue';
    }
  } catch (error) {
    // The account exists: signing in by hand works as well.
    console.error('Could not sign in right after confirming the sign-up', error);
  }
  redirect(destination);
}

/** « Renvoyer le code »: a new code for this sign-up (the old one stops working). Same answer for any address. */
export async function resendCode(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const attempt = text(form, 'attempt');
  try {
    const { destination } = await callApi(routes.resendSignUpCode, { body: { email, attempt } });
    return { status: 'done', message: t('confirm.resent', { email: destination }) };
  } catch (error) {
    return failure(error, { email }, []);
  }
}
