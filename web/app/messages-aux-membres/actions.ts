'use server';

import { routes, type MailingDraftRequest, type Space } from '@coopol/contracts';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { t } from '../../i18n';
import { ApiError, isApiError } from '../../lib/api';
import { failure, invalid, parisInstant, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { pageStep } from '../../lib/page-step';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { editMailingHref, mailingHref, mailingsHref, newMailingHref } from './hrefs';
import { mailingFields, type MailingFormValues } from './mailing-fields';

/** Form actions of the messages to a space's members: each calls one API route as the signed-in person. */

type Draft = z.input<typeof MailingDraftRequest>;
type Segment = NonNullable<Draft['segment']>;

function spaceOf(form: FormData): Space {
  return { type: text(form, 'spaceType') as Space['type'], id: text(form, 'spaceId') };
}

/**
 * The composer as the API wants it: « À tout l’espace » sends no segment (and may be posted in the
 * space), « À une partie » sends one from the criteria given (never posted). What cannot be read
 * here (a number of months that is not one, no criterion at all) is refused next to its field.
 */
function readMailingForm(form: FormData, space: Space): { body: Draft; values: MailingFormValues; errors: Record<string, string[]> } {
  const values: MailingFormValues = {
    subject: text(form, 'subject'),
    text: text(form, 'text'),
    eventId: text(form, 'eventId'),
    audience: text(form, 'audience') === 'part' ? 'part' : 'all',
    postInSpace: text(form, 'postInSpace'),
    'segment.status': text(form, 'segment.status'),
    'segment.interests': text(form, 'segment.interests'),
    volunteers: text(form, 'volunteers'),
    'segment.months': text(form, 'segment.months'),
    'segment.inactiveForMonths': text(form, 'segment.inactiveForMonths'),
    'segment.excludeEventId': text(form, 'segment.excludeEventId'),
    replyTo: text(form, 'replyTo') === 'me' ? 'me' : 'none',
  };
  const errors: Record<string, string[]> = {};
  const body: Draft = {
    subject: values.subject,
    text: values.text,
    ...(values.eventId && { eventId: values.eventId }),
    replyTo: values.replyTo as 'none' | 'me',
    postInSpace: values.audience === 'all' && values.postInSpace === 'on',
  };
  if (values.audience === 'part') {
    const segment: Segment = {};
    const status = values['segment.status'];
    // A section has only adhérents: the choice is not offered there.
    if (space.type !== 'section' && (status === 'adherents' || status === 'sympathisants')) segment.status = status;
    const interests = values['segment.interests'].split(',').map((interest) => interest.trim()).filter(Boolean);
    if (interests.length) segment.interests = interests;
    const months = values['segment.months'];
    if (values.volunteers === 'only' || values.volunteers === 'except') {
      const count = Number(months);
      if (!/^\d+$/.test(months) || count < 1 || count > 24) errors['segment.months'] = [t('mailings.error.months')];
      else segment[values.volunteers === 'only' ? 'volunteersWithinMonths' : 'excludeVolunteersWithinMonths'] = count;
    }
    const inactive = values['segment.inactiveForMonths'];
    if (inactive) {
      const count = Number(inactive);
      if (!/^\d+$/.test(inactive) || count < 1 || count > 36) errors['segment.inactiveForMonths'] = [t('mailings.error.inactiveMonths')];
      else segment.inactiveForMonths = count;
    }
    if (values['segment.excludeEventId']) segment.excludeEventId = values['segment.excludeEventId'];
    if (Object.keys(segment).length === 0 && !errors['segment.months'] && !errors['segment.inactiveForMonths']) errors.audience = [t('mailings.error.noCriterion')];
    body.segment = segment;
  }
  return { body, values, errors };
}

/** The two month counts of the form are one field, « Sur les derniers mois ». */
function onMonthsField(error: unknown): unknown {
  if (!isApiError(error) || !error.details) return error;
  const months = ['body.segment.volunteersWithinMonths', 'body.segment.excludeVolunteersWithinMonths'];
  return new ApiError({ ...error.body, details: error.details.map((detail) => (months.includes(detail.field) ? { ...detail, field: 'body.segment.months' } : detail)) }, error.retryAfterSeconds);
}

/** A new draft, or one's own draft rewritten (`mailingId` in the form); then to its page: its reach, its preview, its test, its sending. */
export async function createMailing(_previous: FormState, form: FormData): Promise<FormState> {
  const space = spaceOf(form);
  const editing = text(form, 'mailingId');
  const returnTo = editing ? editMailingHref(space.type, space.id, editing) : newMailingHref(space.type, space.id);
  const session = await requireSession(returnTo);
  const { body, values, errors } = readMailingForm(form, space);
  if (Object.keys(errors).length) return invalid(errors, values);
  let mailingId: string;
  try {
    const params = { spaceType: space.type, spaceId: space.id };
    mailingId = editing
      ? (await callAsSignedIn(session, returnTo, routes.updateMailing, { params: { ...params, mailingId: editing }, body })).id
      : (await callAsSignedIn(session, returnTo, routes.createMailing, { params, body })).id;
  } catch (error) {
    unstable_rethrow(error);
    return failure(onMonthsField(error), values, mailingFields);
  }
  redirect(`${mailingHref(space.type, space.id, mailingId)}?${editing ? 'modifie' : 'cree'}=1`);
}

/** « Supprimer le brouillon »: then to the space's messages, which say so. */
export async function deleteMailing(_previous: FormState, form: FormData): Promise<FormState> {
  const space = spaceOf(form);
  const mailingId = text(form, 'mailingId');
  const returnTo = mailingHref(space.type, space.id, mailingId);
  const session = await requireSession(returnTo);
  try {
    await callAsSignedIn(session, returnTo, routes.deleteMailing, { params: { spaceType: space.type, spaceId: space.id, mailingId } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, {}, []);
  }
  redirect(`${mailingsHref(space.type, space.id)}?supprime=1`);
}

type MailingRoute = typeof routes.testMailing | typeof routes.cancelMailing | typeof routes.approveMailing | typeof routes.resumeMailing;

/** A button on a message's page: calls `route` on it, then shows the page again with `notice` in its query (or says it is done). */
async function mailingStep(form: FormData, route: MailingRoute, notice: string | FormState): Promise<FormState> {
  const space = spaceOf(form);
  const mailingId = text(form, 'mailingId');
  const returnTo = mailingHref(space.type, space.id, mailingId);
  return pageStep(returnTo, (session) => callAsSignedIn(session, returnTo, route, { params: { spaceType: space.type, spaceId: space.id, mailingId } }), notice);
}

/** « M’envoyer un test »: the mail to oneself, as recipients will get it. */
export async function testMailing(_previous: FormState, form: FormData): Promise<FormState> {
  return mailingStep(form, routes.testMailing, { status: 'done', message: t('mailings.test.done') });
}

export async function cancelMailing(_previous: FormState, form: FormData): Promise<FormState> {
  return mailingStep(form, routes.cancelMailing, 'annule');
}

export async function approveMailing(_previous: FormState, form: FormData): Promise<FormState> {
  return mailingStep(form, routes.approveMailing, 'approuve');
}

/** « Reprendre » after the circuit breaker. */
export async function resumeMailing(_previous: FormState, form: FormData): Promise<FormState> {
  return mailingStep(form, routes.resumeMailing, 'repris');
}

const sendFields = ['when', 'at', 'confirm'] as const;

/** Sends now or at a Paris date and time, once confirmed; the page then says whether it went, is scheduled, or waits for approval. */
export async function sendMailing(_previous: FormState, form: FormData): Promise<FormState> {
  const space = spaceOf(form);
  const mailingId = text(form, 'mailingId');
  const returnTo = mailingHref(space.type, space.id, mailingId);
  const session = await requireSession(returnTo);
  const values = { when: text(form, 'when') === 'later' ? 'later' : 'now', at: text(form, 'at'), confirm: text(form, 'confirm') };
  const errors: Record<string, string[]> = {};
  const at = values.when === 'later' ? parisInstant(form, 'at', errors) : '';
  if (values.when === 'later' && !values.at) errors.at = [t('mailings.send.atRequired')];
  if (values.confirm !== 'on') errors.confirm = [t('mailings.send.confirmRequired')];
  if (Object.keys(errors).length) return invalid(errors, values);
  let state: string;
  try {
    ({ state } = await callAsSignedIn(session, returnTo, routes.sendMailing, { params: { spaceType: space.type, spaceId: space.id, mailingId }, body: at ? { at } : {} }));
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, sendFields);
  }
  redirect(`${returnTo}?${state === 'awaiting-approval' ? 'approbation' : state === 'scheduled' ? 'programme' : 'envoye'}=1`);
}
