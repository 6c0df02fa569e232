import * as z from 'zod';
import * as ev from './events';
import { Done, Instant, PersonName } from './common';
import { defineRoute, type RouteContract } from './route';

// Only this Lambda needs these schemas: they stay out of the events bundle.
/**
 * Always this, whatever the address's past (a stranger learns nothing): a mail went to the address,
 * whose link confirms the answer within `holdMinutes`.
 */
export const VisitorRsvpAccepted = z
  .object({ outcome: z.literal('mail-sent'), destination: z.string(), holdMinutes: z.number().int() })
  .meta({ id: 'VisitorRsvpAccepted' });
/** The secret of a mailed link to a visitor's answer (32 random bytes). */
export const VisitorAnswerToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'lien invalide ou incomplet');
/** A visitor's answer, as its mailed link shows it. */
export const VisitorAnswer = z
  .object({
    event: z.object({ id: ev.EventId, title: z.string(), startsAt: Instant, address: z.string() }),
    name: z.string(),
    state: z.enum(['going', 'maybe', 'no', 'waiting']),
    /** False until confirmed from the mailbox: the place is only held until `holdUntil`. */
    confirmed: z.boolean(),
    holdUntil: Instant.nullable(),
  })
  .meta({ id: 'VisitorAnswer' });
export const RenameVisitorAnswer = z.object({ name: PersonName }).meta({ id: 'RenameVisitorAnswer' });


/**
 * Visitors' answers to public events (no account; ADR 0015): the answer, then its mailed link. A
 * Lambda of their own: public and open to abuse, they can be throttled apart without touching the
 * members' events, and the events bundle stays within its budget. Spread into the route table (routes.ts).
 */
export const visitorRoutes = {
  answerPublicEvent: defineRoute({
    method: 'POST', path: '/api/public/events/{eventId}/rsvp', feature: 'visitors', auth: 'public', tags: ['Événements'],
    summary: 'Répondre à un événement public sans compte (nom, e-mail, accord) : la réponse est à confirmer depuis le lien envoyé par e-mail',
    params: z.object({ eventId: ev.EventId }), body: ev.VisitorRsvpRequest, response: VisitorRsvpAccepted, successStatus: 202,
  }),
  getVisitorAnswer: defineRoute({
    method: 'GET', path: '/api/public/event-answers/{token}', feature: 'visitors', auth: 'public', tags: ['Événements'],
    summary: 'Une réponse de visiteur, par le lien reçu par e-mail', params: z.object({ token: VisitorAnswerToken }), response: VisitorAnswer,
  }),
  confirmVisitorAnswer: defineRoute({
    method: 'POST', path: '/api/public/event-answers/{token}/confirm', feature: 'visitors', auth: 'public', tags: ['Événements'],
    summary: 'Confirmer sa réponse (bouton de la page du lien : les anti-virus de messagerie ouvrent les liens)',
    params: z.object({ token: VisitorAnswerToken }), response: VisitorAnswer,
  }),
  renameVisitorAnswer: defineRoute({
    method: 'PATCH', path: '/api/public/event-answers/{token}', feature: 'visitors', auth: 'public', tags: ['Événements'],
    summary: 'Corriger le nom de sa réponse (par le lien reçu)', params: z.object({ token: VisitorAnswerToken }),
    body: RenameVisitorAnswer, response: VisitorAnswer,
  }),
  cancelVisitorAnswer: defineRoute({
    method: 'DELETE', path: '/api/public/event-answers/{token}', feature: 'visitors', auth: 'public', tags: ['Événements'],
    summary: 'Annuler sa réponse (par le lien reçu) : la place est rendue, les données effacées', params: z.object({ token: VisitorAnswerToken }),
    response: Done,
  }),
} satisfies Record<string, RouteContract>;
