'use server';

import { routes, type CreateEventRequest } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { t } from '../../i18n';
import { refusalText } from '../../i18n/errors';
import { callApi, isApiError } from '../../lib/api';
import { failure, invalid, parisInstant, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { pointOfMapLink } from '../../lib/map-link';
import { eventHref } from './hrefs';
import { SLOT_PARTS, slotField, slotNumbers } from './slot-fields';

/** Form actions of the event pages: each calls one API route as the signed-in person, then refreshes the page. */

/** A refusal told from its code (« Ce créneau est complet. Il manque encore du monde : 11:00–13:00 (2). »). */
function refused(error: unknown): FormState {
  unstable_rethrow(error);
  if (isApiError(error) && error.statusCode < 500) return { status: 'error', message: refusalText(error) };
  console.error('An event action could not reach the API', error);
  return { status: 'error', message: t('form.unavailable') };
}

async function asSignedIn<T>(form: FormData, call: (session: Awaited<ReturnType<typeof requireSession>>, returnTo: string) => Promise<T>): Promise<FormState> {
  const returnTo = eventHref(text(form, 'eventId'));
  const session = await requireSession(returnTo);
  try {
    await call(session, returnTo);
  } catch (error) {
    return refused(error);
  }
  refresh();
  return { status: 'idle' };
}

export async function answerEvent(_previous: FormState, form: FormData): Promise<FormState> {
  const answer = text(form, 'answer') as 'going' | 'maybe' | 'no';
  return asSignedIn(form, (session, returnTo) =>
    callAsSignedIn(session, returnTo, routes.answerEvent, { params: { eventId: text(form, 'eventId') }, body: { answer } }),
  );
}

export async function signUpForSlot(_previous: FormState, form: FormData): Promise<FormState> {
  return asSignedIn(form, (session, returnTo) =>
    callAsSignedIn(session, returnTo, routes.signUpForSlot, { params: { eventId: text(form, 'eventId'), slotId: text(form, 'slotId') } }),
  );
}

export async function leaveSlot(_previous: FormState, form: FormData): Promise<FormState> {
  return asSignedIn(form, (session, returnTo) =>
    callAsSignedIn(session, returnTo, routes.leaveSlot, { params: { eventId: text(form, 'eventId'), slotId: text(form, 'slotId') } }),
  );
}

export async function cancelEvent(_previous: FormState, form: FormData): Promise<FormState> {
  return asSignedIn(form, (session, returnTo) => callAsSignedIn(session, returnTo, routes.cancelEvent, { params: { eventId: text(form, 'eventId') } }));
}

/** A visitor's answer to a public event (no account: name, address, consent). */
export async function answerAsVisitor(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, 'name'), email: text(form, 'email') };
  let destination: string;
  try {
    ({ destination } = await callApi(routes.answerPublicEvent, {
      params: { eventId: text(form, 'eventId') },
      body: { name: values.name, email: values.email, answer: 'going', consent: (form.get('consent') === 'on') as true },
    }));
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['name', 'email', 'consent']);
  }
  return { status: 'done', message: t('event.visitorThanks', { destination }) };
}

/** The token of a visitor's mailed link, given back by the form as a hidden field. */
const visitorToken = (form: FormData) => text(form, 'jeton');

/** An unknown, lapsed or cancelled answer: said plainly. */
function badAnswerLink(error: unknown): FormState {
  if (isApiError(error, 404) || isApiError(error, 400)) return { status: 'error', message: t('answer.badLinkText') };
  return failure(error, {}, []);
}

/** The confirmation link's button (never on page load: mail scanners open links). */
export async function confirmVisitorAnswer(_previous: FormState, form: FormData): Promise<FormState> {
  const token = visitorToken(form);
  try {
    await callApi(routes.confirmVisitorAnswer, { params: { token } });
  } catch (error) {
    unstable_rethrow(error);
    return badAnswerLink(error);
  }
  redirect(`/evenements/reponse/gerer?jeton=${encodeURIComponent(token)}&confirme=1`);
}

/** Cancels a visitor's answer: the place goes back, the data goes. */
export async function cancelVisitorAnswer(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await callApi(routes.cancelVisitorAnswer, { params: { token: visitorToken(form) } });
  } catch (error) {
    unstable_rethrow(error);
    return badAnswerLink(error);
  }
  redirect('/evenements/reponse/gerer?annule=1');
}

const eventFields = ['kind', 'title', 'description', 'start', 'end', 'place', 'mapLink', 'visibility', 'capacity', 'announce'];

type PlaceInput = { address: string; lat?: number; lon?: number };

/**
 * The place with its optional map point, read from the pasted map link (`pointOfMapLink`); a link
 * without a point is refused on its field, before anything is sent.
 */
function placeOf(form: FormData): { place: PlaceInput } | { refusal: string } {
  const address = text(form, 'place');
  const link = text(form, 'mapLink');
  if (!link) return { place: { address } };
  const outcome = pointOfMapLink(link);
  if (!outcome.ok) return { refusal: t(outcome.reason === 'short-link' ? 'newEvent.mapShortLink' : 'newEvent.mapNoPoint') };
  return { place: { address, ...outcome.point } };
}

const refusedLink = (message: string, values: FormState['values']): FormState => ({
  status: 'error',
  message,
  fieldErrors: { mapLink: [message] },
  values,
});

/** The new-event form: the slot lines given (up to the API's limit); empty lines are left out. */
export async function createEvent(_previous: FormState, form: FormData): Promise<FormState> {
  const [spaceType, spaceId] = text(form, 'space').split(':');
  const returnTo = `/evenements/nouveau?espace=${text(form, 'space')}`;
  const session = await requireSession(returnTo);
  // The slot lines are given back too, so a refused form keeps everything that was typed.
  const slotFields = slotNumbers.flatMap((n) => SLOT_PARTS.map((part) => slotField(n, part)));
  const values = Object.fromEntries([...eventFields, ...slotFields].map((name) => [name, text(form, name)]));
  // Times are typed in Paris time; the API takes instants (ADR 0019).
  const errors: Record<string, string[]> = {};
  const [start, end] = [parisInstant(form, 'start', errors), parisInstant(form, 'end', errors)];
  const slots = slotNumbers
    .filter((n) => text(form, slotField(n, 'Start')) || text(form, slotField(n, 'End')))
    .map((n) => ({
      start: parisInstant(form, slotField(n, 'Start'), errors),
      end: parisInstant(form, slotField(n, 'End'), errors),
      needed: Number(text(form, slotField(n, 'Needed'))),
      ...(text(form, slotField(n, 'Label')) ? { label: text(form, slotField(n, 'Label')) } : {}),
    }));
  if (Object.keys(errors).length) return invalid(errors, values);
  const capacity = text(form, 'capacity');
  const where = placeOf(form);
  if ('refusal' in where) return refusedLink(where.refusal, values);
  let id: string;
  try {
    const created = await callAsSignedIn(session, returnTo, routes.createEvent, {
      body: {
        space: { type: spaceType, id: spaceId } as CreateEventRequest['space'],
        kind: text(form, 'kind') as CreateEventRequest['kind'],
        title: text(form, 'title'),
        description: text(form, 'description'),
        start,
        end,
        place: where.place,
        visibility: text(form, 'visibility') as CreateEventRequest['visibility'],
        ...(capacity ? { capacity: Number(capacity) } : {}),
        slots,
        announce: form.get('announce') === 'on',
      },
    });
    id = created.id;
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, eventFields);
  }
  redirect(eventHref(id));
}

const editFields = ['title', 'description', 'start', 'end', 'place', 'mapLink'];

/** An organizer's changes: only what differs is sent (the API tells attendees of each change). An emptied map link removes the point. */
export async function updateEvent(_previous: FormState, form: FormData): Promise<FormState> {
  const eventId = text(form, 'eventId');
  const returnTo = `${eventHref(eventId)}/modifier`;
  const session = await requireSession(returnTo);
  const values = Object.fromEntries(editFields.map((name) => [name, text(form, name)]));
  const errors: Record<string, string[]> = {};
  const [start, end] = [parisInstant(form, 'start', errors), parisInstant(form, 'end', errors)];
  if (Object.keys(errors).length) return invalid(errors, values);
  const where = placeOf(form);
  if ('refusal' in where) return refusedLink(where.refusal, values);
  const place = where.place.lat === undefined ? { ...where.place, lat: null, lon: null } : where.place;
  try {
    await callAsSignedIn(session, returnTo, routes.updateEvent, {
      params: { eventId },
      body: { title: values.title, description: values.description, start, end, place },
    });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, editFields);
  }
  redirect(eventHref(eventId));
}

const reportFields = ['leaflets', 'doors', 'peopleReached', 'contacts', 'remarks'] as const;

export async function submitReport(_previous: FormState, form: FormData): Promise<FormState> {
  const eventId = text(form, 'eventId');
  const returnTo = `${eventHref(eventId)}/compte-rendu`;
  const session = await requireSession(returnTo);
  const values = Object.fromEntries(reportFields.map((name) => [name, text(form, name)]));
  const count = (name: string) => (text(form, name) === '' ? 0 : Number(text(form, name)));
  try {
    await callAsSignedIn(session, returnTo, routes.submitReport, {
      params: { eventId },
      body: { leaflets: count('leaflets'), doors: count('doors'), peopleReached: count('peopleReached'), contacts: count('contacts'), remarks: text(form, 'remarks') },
    });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, reportFields);
  }
  return { status: 'done', message: t('report.saved'), values };
}

export async function createFeed(_previous: FormState, form: FormData): Promise<FormState> {
  const returnTo = text(form, 'returnTo') || '/agenda';
  const session = await requireSession(returnTo);
  const [type, id] = text(form, 'scope').split(':');
  try {
    await callAsSignedIn(session, returnTo, routes.createCalendarFeed, {
      body: { scope: { type: type as 'me', ...(id ? { id } : {}) } },
    });
  } catch (error) {
    return refused(error);
  }
  // From a space's agenda, off to the list of links; on that list, it shows the new one.
  if (returnTo !== '/agenda') redirect('/agenda#abonnements');
  refresh();
  return { status: 'done', message: t('agenda.feedCreated') };
}

export async function revokeFeed(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession('/agenda');
  try {
    await callAsSignedIn(session, '/agenda', routes.revokeCalendarFeed, { params: { feedId: text(form, 'feedId') } });
  } catch (error) {
    return refused(error);
  }
  refresh();
  return { status: 'idle' };
}

export async function unsubscribeFromAnnouncements(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await callApi(routes.unsubscribeEventMail, { params: { token: text(form, 'token') } });
  } catch (error) {
    return refused(error);
  }
  return { status: 'done', message: t('unsubscribe.done') };
}

/** The page behind a space's message link (the mail's one-click goes straight to the API). */
export async function unsubscribeFromSpaceMessages(_previous: FormState, form: FormData): Promise<FormState> {
  const [spaceType, spaceId] = text(form, 'space').split(':') as ['section' | 'federation' | 'national' | 'group', string];
  try {
    await callApi(routes.unsubscribeSpaceMailings, { params: { token: text(form, 'token'), spaceType, spaceId, kind: 'messages' } });
  } catch (error) {
    return refused(error);
  }
  return { status: 'done', message: t('unsubscribeMessages.done') };
}
