'use server';

import { routes } from '@coopol/contracts';
import { redirect } from 'next/navigation';
import { callApi } from '../../lib/api';
import { failure, raw, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';

/** Asks for a reset code; the API answers alike whether the account exists or not. */
export async function requestResetCode(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  try {
    await callApi(routes.forgotPassword, { body: { email } });
  } catch (error) {
    return failure(error, { email }, ['email']);
  }
  redirect(`/mot-de-passe-oublie/nouveau?email=${encodeURIComponent(email)}`);
}

export async function resetPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const code = text(form, 'code').replace(/\s+/g, '');
  const values = { email, code };
  try {
    await callApi(routes.resetPassword, { body: { email, code, password: raw(form, 'password') } });
  } catch (error) {
    return failure(error, values, form.has('emailVisible') ? ['email', 'code', 'password'] : ['code', 'password']);
  }
  redirect(`/connexion?reinitialise=1&email=${encodeURIComponent(email)}`);
}
