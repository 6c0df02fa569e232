import { Done } from './common';
import * as m from './mailings';
import { defineRoute, type RouteContract } from './route';

const base = '/api/spaces/{spaceType}/{spaceId}/mailings';
const one = `${base}/{mailingId}` as const;
const tags = ['Messages aux membres'];

/** Messages to a space's members (issue 16, ADR 0028): written by whoever speaks for the space. */
export const mailingRoutes = {
  listMailings: defineRoute({
    method: 'GET', path: base, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Les messages d’un espace à ses membres (brouillons, programmés, envoyés)', params: m.SpaceParams, response: m.MailingList,
  }),
  createMailing: defineRoute({
    method: 'POST', path: base, feature: 'mailings', auth: 'jwt', tags, successStatus: 201,
    summary: 'Écrire un message aux membres d’un espace (brouillon)', params: m.SpaceParams, body: m.MailingDraftRequest, response: m.Mailing,
  }),
  getMailing: defineRoute({
    method: 'GET', path: one, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Un message et où en est son envoi (envoyés, rejets, plaintes, désinscriptions)', params: m.MailingParams, response: m.Mailing,
  }),
  updateMailing: defineRoute({
    method: 'PUT', path: one, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Modifier son brouillon (tant qu’il n’est ni envoyé ni programmé)', params: m.MailingParams, body: m.MailingDraftRequest, response: m.Mailing,
  }),
  deleteMailing: defineRoute({
    method: 'DELETE', path: one, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Supprimer son brouillon', params: m.MailingParams, response: Done,
  }),
  countMailingReach: defineRoute({
    method: 'GET', path: `${one}/reach`, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Combien de personnes le message atteint (un nombre, jamais une liste ; « moins de 10 » en dessous de 10)', params: m.MailingParams, response: m.Reach,
  }),
  previewMailing: defineRoute({
    method: 'GET', path: `${one}/preview`, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Le message tel qu’un destinataire le verra (avec son prénom)', params: m.MailingParams, query: m.PreviewQuery, response: m.MailingPreview,
  }),
  testMailing: defineRoute({
    method: 'POST', path: `${one}/test`, feature: 'mailings', auth: 'jwt', tags,
    summary: 'S’envoyer le message à soi-même, pour essai', params: m.MailingParams, response: Done,
  }),
  sendMailing: defineRoute({
    method: 'POST', path: `${one}/send`, feature: 'mailings', auth: 'jwt', tags, successStatus: 202,
    summary: 'Envoyer le message maintenant, ou à une date (at)', params: m.MailingParams, body: m.SendRequest, response: m.Mailing,
  }),
  cancelMailing: defineRoute({
    method: 'POST', path: `${one}/cancel`, feature: 'mailings', auth: 'jwt', tags,
    summary: 'Annuler un message programmé ou en attente d’approbation', params: m.MailingParams, response: m.Mailing,
  }),
  approveMailing: defineRoute({
    method: 'POST', path: `${one}/approve`, feature: 'mailings', auth: 'jwt', tags, successStatus: 202,
    summary: 'Approuver l’envoi d’un message d’un grand nombre de personnes (une deuxième personne)', params: m.MailingParams, response: m.Mailing,
  }),
  resumeMailing: defineRoute({
    method: 'POST', path: `${one}/resume`, feature: 'mailings', auth: 'jwt', tags, successStatus: 202,
    summary: 'Reprendre un envoi arrêté par les seuils de rejets ou de plaintes', params: m.MailingParams, response: m.Mailing,
  }),
  unsubscribeSpaceMailings: defineRoute({
    method: 'POST', path: '/api/mail-preferences/{token}/spaces/{spaceType}/{spaceId}/{kind}/unsubscribe', feature: 'mailings', auth: 'public', tags,
    summary: 'Ne plus recevoir les messages de cet espace (lien en un clic des e-mails, RFC 8058)', params: m.UnsubscribeParams, query: m.UnsubscribeQuery, response: Done,
  }),
  getMyMailSubscriptions: defineRoute({
    method: 'GET', path: '/api/me/mail-subscriptions', feature: 'mailings', auth: 'jwt', tags,
    summary: 'Mes mails reçus : les annonces d’événements et, pour chaque espace dont je fais partie, ses messages', response: m.MyMailSubscriptions,
  }),
  updateMyMailSubscriptions: defineRoute({
    method: 'PATCH', path: '/api/me/mail-subscriptions', feature: 'mailings', auth: 'jwt', tags,
    summary: 'Recevoir ou non les annonces d’événements et les messages de mes espaces', body: m.MailSubscriptionsChange, response: m.MyMailSubscriptions,
  }),
} satisfies Record<string, RouteContract>;
