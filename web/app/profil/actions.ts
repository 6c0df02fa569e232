'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { t } from '../../i18n';
import { failure, refusalLine, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { profileFieldNames, readProfileForm } from '../../lib/profile-form';
import { onboardingStep } from '../../lib/onboarding';
import { safeNextPath } from '../../lib/session-core';
import { callAsSignedIn, clearSession, rememberGivenName, rememberTotpSetup, requireSession, signInHref } from '../../lib/session';

/** Onboarding, step 2: interests (and, for members, party functions); then on to the suggestions. */
export async function saveOnboardingAnswers(_previous: FormState, form: FormData): Promise<FormState> {
  const suite = text(form, 'suite');
  const session = await requireSession('/bienvenue');
  const { body, values } = readProfileForm(form);
  try {
    await callAsSignedIn(session, '/bienvenue', routes.updateMyProfile, { body });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, profileFieldNames);
  }
  redirect(onboardingStep(3, suite));
}

/** Onboarding, last step: onboarded for good, then the feed (or the page the person was going to). */
export async function completeOnboarding(form: FormData): Promise<void> {
  const next = safeNextPath(text(form, 'suite'), '/');
  const session = await requireSession('/bienvenue');
  await callAsSignedIn(session, '/bienvenue', routes.updateMyProfile, { body: { onboarded: true } });
  redirect(next);
}

/** Closes the « Premiers pas » checklist of the feed for good. */
export async function dismissFirstSteps(): Promise<void> {
  const session = await requireSession('/');
  await callAsSignedIn(session, '/', routes.updateMyProfile, { body: { firstStepsDismissed: true } });
  refresh();
}

export async function updateProfile(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession('/profil');
  const { body, values } = readProfileForm(form);
  try {
    const profile = await callAsSignedIn(session, '/profil', routes.updateMyProfile, { body });
    await rememberGivenName(profile.givenName);
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, profileFieldNames);
  }
  refresh();
  // The postal code field stays empty: it only says « I moved ».
  return { status: 'done', message: t('profile.saved'), values: { ...values, postalCode: '' } };
}

export type PhotoUploadAnswer =
  | { ok: true; url: string; fields: Record<string, string>; key: string }
  | { ok: false; message: string };

/** A presigned form for posting the photo straight to the files bucket (the API fixes its type and size). */
export async function preparePhotoUpload(contentType: string, size: number): Promise<PhotoUploadAnswer> {
  const session = await requireSession('/profil');
  try {
    const upload = await callAsSignedIn(session, '/profil', routes.createPhotoUpload, {
      body: { contentType, size } as { contentType: 'image/jpeg'; size: number },
    });
    return { ok: true, url: upload.url, fields: upload.fields, key: upload.key };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, message: refusalLine(error, 'The photo') };
  }
}

/** Uses the uploaded photo: the API checks that it arrived, and its type and size. */
export async function confirmPhotoUpload(key: string): Promise<{ ok: boolean; message?: string }> {
  const session = await requireSession('/profil');
  try {
    await callAsSignedIn(session, '/profil', routes.confirmPhoto, { body: { key } });
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, message: refusalLine(error, 'The photo') };
  }
  refresh();
  return { ok: true };
}

/** TOTP, first step: a secret for the authentication app, kept in a short-lived cookie. */
export async function startTotpSetup(): Promise<void> {
  const returnTo = '/profil/double-authentification';
  const session = await requireSession(returnTo);
  if (!session.accessToken) redirect(signInHref(returnTo));
  const setup = await callAsSignedIn(session, returnTo, routes.startMfaSetup, { body: { accessToken: session.accessToken } });
  await rememberTotpSetup(setup);
  redirect(returnTo);
}

/** TOTP, second step: the first code from the app turns it on for every sign-in. */
export async function verifyTotpSetup(_previous: FormState, form: FormData): Promise<FormState> {
  const returnTo = '/profil/double-authentification';
  const session = await requireSession(returnTo);
  if (!session.accessToken) redirect(signInHref(returnTo));
  const code = text(form, 'code').replace(/\s+/g, '');
  try {
    await callAsSignedIn(session, returnTo, routes.verifyMfaSetup, { body: { accessToken: session.accessToken, code } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, { code }, ['code']);
  }
  await rememberTotpSetup(null);
  redirect('/profil?double-authentification=1');
}

/** « Déconnecter tous mes appareils »: every session ends, this one too; back to the sign-in page. */
export async function signOutEverywhere(): Promise<void> {
  const session = await requireSession('/profil');
  await callAsSignedIn(session, '/profil', routes.signOutEverywhere, {});
  await clearSession();
  redirect('/connexion?deconnecte=1');
}
