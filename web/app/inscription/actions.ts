'use server';

import { routes } from '@coopol/contracts';
import { redirect } from 'next/navigation';
import { t } from '../../i18n';
import { callApi, isApiError, type CallInput } from '../../lib/api';
import { failure, raw, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';

const signUpFields = ['givenName', 'familyName', 'email', 'password', 'postalCode', 'memberNumber', 'consent'] as const;

/** Creates the account; the API checks every field (and mails the code), the form shows what it says. */
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
    password: raw(form, 'password'),
    givenName: values.givenName,
    familyName: values.familyName,
    postalCode: values.postalCode,
    ...(memberNumber ? { memberNumber } : {}),
    consent: values.consent === 'on',
  } as CallInput<typeof routes.signUp>['body'];
  try {
    await callApi(routes.signUp, { body });
  } catch (error) {
    const refused = failure(error, values, signUpFields);
    // Coopol is not open in this territory yet: offer to preregister, with what was typed.
    if (isApiError(error, 403) && error.code === 'TerritoryNotOpen') {
      const query = new URLSearchParams({ email, cp: values.postalCode });
      return { ...refused, message: error.message, next: { href: `/preinscription?${query.toString()}`, label: t('signUp.preregister') } };
    }
    return refused;
  }
  redirect(`/inscription/confirmer?email=${encodeURIComponent(email)}`);
}

/** Confirms the address with the 6-digit code, then on to sign-in. */
export async function confirmSignUp(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const code = text(form, 'code').replace(/\s+/g, '');
  const values = { email, code };
  try {
    await callApi(routes.confirmSignUp, { body: { email, code } });
  } catch (error) {
    return failure(error, values, form.has('emailVisible') ? ['email', 'code'] : ['code']);
  }
  redirect(`/connexion?confirme=1&email=${encodeURIComponent(email)}`);
}

/** « Renvoyer le code »: a new code by mail (the old one stops working). Same answer for any address. */
export async function resendCode(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  try {
    const { destination } = await callApi(routes.resendSignUpCode, { body: { email } });
    return { status: 'done', message: t('confirm.resent', { email: destination }) };
  } catch (error) {
    return failure(error, { email }, []);
  }
}
