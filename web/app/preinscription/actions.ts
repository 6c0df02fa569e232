'use server';

import { routes } from '@coopol/contracts';
import { redirect } from 'next/navigation';
import { callApi, isApiError, type CallInput } from '../../lib/api';
import { failure, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { t } from '../../i18n';

const preregisterFields = ['email', 'postalCode', 'kind', 'consent'] as const;

/**
 * Preregisters for the opening of one's territory. The API answers the same whether the address is
 * new or not (a stranger learns nothing); a territory already open is told, with the way to sign up.
 */
export async function preregister(_previous: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email').toLowerCase();
  const values = {
    email,
    postalCode: text(form, 'postalCode').replace(/\s+/g, ''),
    kind: text(form, 'kind'),
    consent: form.get('consent') === 'on' ? 'on' : '',
  };
  // Sent as typed: the API's contract decides, and says which field is wrong, in French.
  const body = { email, postalCode: values.postalCode, kind: values.kind, consent: values.consent === 'on' } as CallInput<typeof routes.preregister>['body'];
  let destination: string;
  try {
    const result = await callApi(routes.preregister, { body });
    destination =
      result.outcome === 'mail-sent'
        ? `/preinscription?envoye=${encodeURIComponent(result.destination)}`
        : `/preinscription?${new URLSearchParams({ ouvert: result.federationName, email, cp: values.postalCode }).toString()}`;
  } catch (error) {
    return failure(error, values, preregisterFields);
  }
  redirect(destination);
}

/** The token carried by the mail's link, given back by the form as a hidden field. */
function tokenOf(form: FormData): string {
  return text(form, 'jeton');
}

/** An unknown, expired or malformed link: said plainly (the page shows it again as such). */
function badLink(error: unknown): FormState {
  if (isApiError(error, 404) || isApiError(error, 400)) return { status: 'error', message: t('prereg.badLinkText') };
  return failure(error, {}, []);
}

/** The confirmation link's button (never on page load: mail scanners open links). */
export async function confirmPreregistration(_previous: FormState, form: FormData): Promise<FormState> {
  const token = tokenOf(form);
  try {
    await callApi(routes.confirmPreregistration, { params: { token } });
  } catch (error) {
    return badLink(error);
  }
  redirect(`/preinscription/gerer?jeton=${encodeURIComponent(token)}&confirme=1`);
}

/** Erases the preregistration at once. */
export async function erasePreregistration(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await callApi(routes.erasePreregistration, { params: { token: tokenOf(form) } });
  } catch (error) {
    return badLink(error);
  }
  redirect('/preinscription/gerer?efface=1');
}

/** The launch mail's « se désabonner »: the preregistration goes, and the address gets no more mail. */
export async function unsubscribe(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await callApi(routes.unsubscribe, { params: { token: tokenOf(form) } });
  } catch (error) {
    return badLink(error);
  }
  redirect('/desinscription?fait=1');
}
