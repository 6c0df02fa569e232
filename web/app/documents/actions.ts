'use server';

import { routes, type SpaceType } from '@coopol/contracts';
import { redirect, unstable_rethrow } from 'next/navigation';
import { t } from '../../i18n';
import { all, failure, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { pageStep } from '../../lib/page-step';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { documentsHref } from './hrefs';

/** Form actions of a space's documents: each calls one API route as the signed-in person. */

const spaceOf = (form: FormData) => ({ spaceType: text(form, 'spaceType') as Exclude<SpaceType, 'profile'>, spaceId: text(form, 'spaceId') });

/** « Partager » the files the picker uploaded and had checked, in a folder, with a description. */
export async function shareDocuments(_previous: FormState, form: FormData): Promise<FormState> {
  const params = spaceOf(form);
  const returnTo = documentsHref(params.spaceType, params.spaceId);
  const session = await requireSession(returnTo);
  const values = { folder: text(form, 'folder'), description: text(form, 'description') };
  const attachments = all(form, 'attachments');
  // The picker is not a field of its own: told at the top of the form.
  if (!attachments.length) return { status: 'error', message: t('documents.error.noFile'), values };
  let count: number;
  try {
    ({ items: { length: count } } = await callAsSignedIn(session, returnTo, routes.addSpaceDocuments, {
      params,
      body: { attachments, ...(values.folder && { folder: values.folder }), ...(values.description && { description: values.description }) },
    }));
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['attachments', 'folder', 'description']);
  }
  redirect(`${returnTo}?partage=${count}`);
}

/** « Retirer » a document: its file is deleted. */
export async function removeDocument(_previous: FormState, form: FormData): Promise<FormState> {
  const params = spaceOf(form);
  const returnTo = documentsHref(params.spaceType, params.spaceId);
  const documentId = text(form, 'documentId');
  return pageStep(returnTo, (session) => callAsSignedIn(session, returnTo, routes.deleteSpaceDocument, { params: { ...params, documentId } }), 'retire');
}
