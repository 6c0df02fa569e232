'use server';

import { routes, type Change, type TextInput } from '@coopol/contracts';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { t } from '../../i18n';
import { failure, invalid, parisInstant, raw, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { pageStep } from '../../lib/page-step';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { readBlocks } from './blocks-field';
import { amendHref, editTextHref, newTextHref, textHref } from './hrefs';

/** Form actions of texts and amendments: each calls one API route as the signed-in person. */

const textFields = ['title', 'blocks'] as const;

/** The title and the one field of blocks, as the API takes them; an empty text is refused next to its field. */
function readText(form: FormData) {
  const values = { title: text(form, 'title'), blocks: raw(form, 'blocks') };
  const blocks = readBlocks(values.blocks);
  const errors: Record<string, string[]> = {};
  if (!blocks.length) errors.blocks = [t('texts.error.bodyRequired')];
  return { values, blocks, errors };
}

/** « Enregistrer le brouillon »: a new text in the space, then its page. */
export async function createText(_previous: FormState, form: FormData): Promise<FormState> {
  const space = { type: text(form, 'spaceType'), id: text(form, 'spaceId') } as z.input<typeof TextInput>['space'];
  const returnTo = newTextHref(space.type, space.id);
  const session = await requireSession(returnTo);
  const { values, blocks, errors } = readText(form);
  if (Object.keys(errors).length) return invalid(errors, values);
  let textId: string;
  try {
    ({ id: textId } = await callAsSignedIn(session, returnTo, routes.createText, { body: { space, title: values.title, blocks } }));
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, textFields);
  }
  redirect(`${textHref(textId)}?cree=1`);
}

/** « Enregistrer les changements » on a draft. */
export async function updateText(_previous: FormState, form: FormData): Promise<FormState> {
  const textId = text(form, 'textId');
  const returnTo = editTextHref(textId);
  const session = await requireSession(returnTo);
  const { values, blocks, errors } = readText(form);
  if (Object.keys(errors).length) return invalid(errors, values);
  try {
    await callAsSignedIn(session, returnTo, routes.updateText, { params: { textId }, body: { title: values.title, blocks } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, textFields);
  }
  redirect(`${textHref(textId)}?modifie=1`);
}

/** « Ouvrir aux amendements » until a Paris date and time. */
export async function openText(_previous: FormState, form: FormData): Promise<FormState> {
  const textId = text(form, 'textId');
  const returnTo = textHref(textId);
  const session = await requireSession(returnTo);
  const values = { deadline: text(form, 'deadline') };
  const errors: Record<string, string[]> = {};
  const deadline = parisInstant(form, 'deadline', errors);
  if (!values.deadline) errors.deadline = [t('texts.open.deadlineRequired')];
  if (Object.keys(errors).length) return invalid(errors, values);
  try {
    await callAsSignedIn(session, returnTo, routes.openText, { params: { textId }, body: { deadline } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['deadline']);
  }
  redirect(`${returnTo}?ouvert=1`);
}

/** « Clore le texte »: no amendment any more. */
export async function closeText(_previous: FormState, form: FormData): Promise<FormState> {
  const textId = text(form, 'textId');
  const returnTo = textHref(textId);
  return pageStep(returnTo, (session) => callAsSignedIn(session, returnTo, routes.closeText, { params: { textId } }), 'clos');
}

/** « Publier la nouvelle version »: every accepted amendment merged (a conflict or a publication meanwhile is told in place). */
export async function publishVersion(_previous: FormState, form: FormData): Promise<FormState> {
  const textId = text(form, 'textId');
  const returnTo = textHref(textId);
  const from = Number(text(form, 'from'));
  return pageStep(returnTo, (session) => callAsSignedIn(session, returnTo, routes.publishTextVersion, { params: { textId }, body: { from } }), 'publie');
}

/** « Accepter » or « Rejeter » an amendment, with a word for its author; the page comes back at it. */
export async function decideAmendment(_previous: FormState, form: FormData): Promise<FormState> {
  const textId = text(form, 'textId');
  const amendmentId = text(form, 'amendmentId');
  const returnTo = textHref(textId);
  const note = text(form, 'note');
  const route = text(form, 'decision') === 'reject' ? routes.rejectAmendment : routes.acceptAmendment;
  const session = await requireSession(returnTo);
  try {
    await callAsSignedIn(session, returnTo, route, { params: { textId, amendmentId }, body: note ? { note } : {} });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, { note }, ['note']);
  }
  redirect(`${returnTo}?decide=1#amendement-${amendmentId}`);
}

const amendFields = ['text', 'insert', 'justification'] as const;

/**
 * « Déposer l’amendement » on one passage: its new wording (a rewrite when it differs), its deletion,
 * and paragraphs to add after it — at least one of them — with the reasons.
 */
export async function proposeAmendment(_previous: FormState, form: FormData): Promise<FormState> {
  const textId = text(form, 'textId');
  const blockId = text(form, 'blockId');
  const returnTo = amendHref(textId, blockId);
  const session = await requireSession(returnTo);
  const values = { text: raw(form, 'text'), original: raw(form, 'original'), delete: text(form, 'delete'), insert: raw(form, 'insert'), justification: text(form, 'justification') };
  const changes: z.input<typeof Change>[] = [];
  const rewritten = values.text.replace(/\s+/g, ' ').trim();
  if (values.delete === 'on') changes.push({ op: 'delete', blockId });
  else if (rewritten && rewritten !== values.original.replace(/\s+/g, ' ').trim()) changes.push({ op: 'replace', blockId, text: rewritten });
  const inserted = readBlocks(values.insert);
  if (inserted.length) changes.push({ op: 'insert', after: blockId, blocks: inserted });
  if (!changes.length) return invalid({ text: [t('texts.amendForm.nothing')] }, values);
  try {
    await callAsSignedIn(session, returnTo, routes.proposeAmendment, {
      params: { textId },
      body: { version: Number(text(form, 'version')), changes, justification: values.justification },
    });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, amendFields);
  }
  redirect(`${textHref(textId)}?depose=1#amendements`);
}
