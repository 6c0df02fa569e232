import * as z from 'zod';
import { PageQuery } from './common';
import {
  AccessLogPage,
  CloseDpoRequest,
  ConsentId,
  ConsentList,
  ConsentWithdrawn,
  DpoAccessLogPage,
  DpoAccessLogQuery,
  DpoRequest,
  DpoRequestId,
  DpoRequestList,
  EraseAccountRequest,
  ErasureStarted,
  ExportDownload,
  ExportId,
  ExportList,
  ExportStatus,
  MyAccessLog,
  NewDpoRequest,
  RegisterOfProcessing,
  RunDpoRequest,
  WithdrawConsentRequest,
} from './privacy';
import { defineRoute } from './route';
import { FederationCode, SectionId } from './territory';

/**
 * Privacy rights (issue 14, ADR 0024). Spread into the one route table (routes.ts); the `privacy`
 * Lambda imports these alone.
 */
export const privacyRoutes = {
  eraseMyAccount: defineRoute({
    method: 'DELETE', path: '/api/me', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Supprimer mon compte : confirmé par le mot de passe (et le code TOTP s’il est activé) ; effectif aussitôt, terminé en arrière-plan',
    body: EraseAccountRequest, response: ErasureStarted, successStatus: 202,
  }),
  requestExport: defineRoute({
    method: 'POST', path: '/api/me/exports', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Télécharger mes données : une archive (JSON, page lisible, fichiers) est préparée, puis un lien envoyé par e-mail',
    response: ExportStatus, successStatus: 202,
  }),
  listMyExports: defineRoute({
    method: 'GET', path: '/api/me/exports', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Mes demandes d’archive et leur avancement', response: ExportList,
  }),
  downloadExport: defineRoute({
    method: 'GET', path: '/api/me/exports/{exportId}/download', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Un lien de téléchargement frais de mon archive (quelques minutes), pour moi seulement',
    params: z.object({ exportId: ExportId }), response: ExportDownload,
  }),
  getRegisterOfProcessing: defineRoute({
    method: 'GET', path: '/api/privacy/register', feature: 'privacy', auth: 'public', tags: ['Vie privée'],
    summary: 'Le registre des traitements : chaque donnée, sa finalité, sa base légale, sa durée de conservation, ce qu’en font l’export et l’effacement',
    response: RegisterOfProcessing,
  }),
  listMyConsents: defineRoute({
    method: 'GET', path: '/api/me/consents', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Mes consentements : le texte accepté et sa version, la date, la manière ; ce que son retrait fait', response: ConsentList,
  }),
  withdrawConsent: defineRoute({
    method: 'POST', path: '/api/me/consents/{consentId}/withdraw', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Retirer un consentement ; celui de l’inscription (art. 9) supprime le compte, confirmé par le mot de passe',
    params: z.object({ consentId: ConsentId }), body: WithdrawConsentRequest, response: ConsentWithdrawn,
  }),
  getSectionAccessLog: defineRoute({
    method: 'GET', path: '/api/sections/{sectionId}/access-log', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Qui a consulté la liste des membres de la section (pour ses adhérents)',
    params: z.object({ sectionId: SectionId }), query: PageQuery, response: AccessLogPage,
  }),
  getFederationAccessLog: defineRoute({
    method: 'GET', path: '/api/federations/{federationCode}/access-log', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Qui a consulté la liste des membres de la fédération (pour ses adhérents et sympathisants)',
    params: z.object({ federationCode: FederationCode }), query: PageQuery, response: AccessLogPage,
  }),
  getMyAccessLog: defineRoute({
    method: 'GET', path: '/api/me/access-log', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Qui a consulté les listes où j’étais, à ce moment-là, et mon adhésion (sur un an)', response: MyAccessLog,
  }),
  getDpoAccessLog: defineRoute({
    method: 'GET', path: '/api/dpo/access-log', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Le journal des consultations, en entier, filtré par liste, par lecteur ou par mois (délégué à la protection des données)',
    query: DpoAccessLogQuery, response: DpoAccessLogPage,
  }),
  createDpoRequest: defineRoute({
    method: 'POST', path: '/api/dpo/requests', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Enregistrer la demande d’une personne qui ne peut pas utiliser le site (délai : un mois)',
    body: NewDpoRequest, response: DpoRequest, successStatus: 201,
  }),
  listDpoRequests: defineRoute({
    method: 'GET', path: '/api/dpo/requests', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Les demandes reçues par le délégué, l’échéance la plus proche d’abord', response: DpoRequestList,
  }),
  getDpoRequest: defineRoute({
    method: 'GET', path: '/api/dpo/requests/{requestId}', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Une demande, son état, son échéance et son journal', params: z.object({ requestId: DpoRequestId }), response: DpoRequest,
  }),
  runDpoRequest: defineRoute({
    method: 'POST', path: '/api/dpo/requests/{requestId}/run', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Lancer l’export ou l’effacement du compte concerné, au nom de la personne (inscrit au journal)',
    params: z.object({ requestId: DpoRequestId }), body: RunDpoRequest, response: DpoRequest,
  }),
  closeDpoRequest: defineRoute({
    method: 'POST', path: '/api/dpo/requests/{requestId}/close', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Clore une demande (traitée ou refusée, avec la réponse faite)',
    params: z.object({ requestId: DpoRequestId }), body: CloseDpoRequest, response: DpoRequest,
  }),
  downloadDpoExport: defineRoute({
    method: 'GET', path: '/api/dpo/requests/{requestId}/download', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'L’archive préparée pour la demande, à remettre à la personne (lien de quelques minutes, inscrit au journal)',
    params: z.object({ requestId: DpoRequestId }), response: ExportDownload,
  }),
};
