'use server';

import { routes } from '@coopol/contracts';
import { redirect, unstable_rethrow } from 'next/navigation';
import { failure, raw, text } from '../../../lib/form-actions';
import type { FormState } from '../../../lib/form-state';
import { callAsSignedIn, clearSession, requireSession } from '../../../lib/session';

const page = '/profil/donnees';

/** « Préparer mon archive »: the job starts; the page shows its progress. */
export async function requestExport(): Promise<void> {
  const session = await requireSession(page);
  const started = await callAsSignedIn(session, page, routes.requestExport, {});
  redirect(`${page}?archive=${started.id}&demandee=1`);
}

/** « Télécharger l’archive »: a fresh link of minutes, for the signed-in owner, followed at once. */
export async function downloadExport(form: FormData): Promise<void> {
  const session = await requireSession(page);
  const { url } = await callAsSignedIn(session, page, routes.downloadExport, { params: { exportId: text(form, 'exportId') } });
  redirect(url);
}

/** « Retirer ce consentement » (a mail category, a preregistration; the art. 9 one is the erasure below). */
export async function withdrawConsent(form: FormData): Promise<void> {
  const session = await requireSession(page);
  await callAsSignedIn(session, page, routes.withdrawConsent, { params: { consentId: text(form, 'consentId') }, body: {} });
  redirect(`${page}?retire=1`);
}

/** « Supprimer mon compte »: confirmed with the password (and the TOTP code); then signed out for good. */
export async function eraseAccount(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession(page);
  const content = text(form, 'content');
  const totpCode = text(form, 'totpCode');
  const values = { content };
  try {
    await callAsSignedIn(session, page, routes.eraseMyAccount, {
      body: { password: raw(form, 'password'), content: content as 'delete', ...(totpCode && { totpCode }) },
    });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['password', 'totpCode', 'content']);
  }
  await clearSession();
  redirect('/connexion?compte-supprime=1');
}
