import { PageQuery } from './common';
import { defineRoute, type RouteContract } from './route';
import * as x from './texts';

const tags = ['Textes et amendements'];
const text = '/api/texts/{textId}';
/** A whole text in one request: `maxTextChars` characters of up to 4 bytes, and their JSON (a congress motion is 100 KB or so). */
const textBodyBytes = 4 * x.maxTextChars + 64 * 1024;

/** Texts written together (issue 17, ADR 0030): written by who runs the space, amended by its members. */
export const textRoutes = {
  createText: defineRoute({
    method: 'POST', path: '/api/texts', feature: 'texts', auth: 'jwt', tags, successStatus: 201,
    summary: 'Écrire un texte dans un espace (brouillon : sa version 1)', body: x.TextInput, response: x.TextView, maxBodyBytes: textBodyBytes,
  }),
  listSpaceTexts: defineRoute({
    method: 'GET', path: '/api/spaces/{spaceType}/{spaceId}/texts', feature: 'texts', auth: 'jwt', tags,
    summary: 'Les textes d’un espace, les plus récents d’abord (les brouillons pour leurs seuls auteurs et responsables)', params: x.SpaceTextsParams, query: PageQuery, response: x.TextPage,
  }),
  getText: defineRoute({
    method: 'GET', path: text, feature: 'texts', auth: 'jwt', tags,
    summary: 'Un texte, sa version courante aux lignes numérotées', params: x.TextParams, response: x.TextView,
  }),
  updateText: defineRoute({
    method: 'PUT', path: text, feature: 'texts', auth: 'jwt', tags,
    summary: 'Réécrire un brouillon (son titre, ses paragraphes) avant de l’ouvrir aux amendements', params: x.TextParams, body: x.UpdateTextInput, response: x.TextView, maxBodyBytes: textBodyBytes,
  }),
  openText: defineRoute({
    method: 'POST', path: `${text}/open`, feature: 'texts', auth: 'jwt', tags,
    summary: 'Ouvrir le texte aux amendements jusqu’à une date limite', params: x.TextParams, body: x.OpenTextInput, response: x.TextView,
  }),
  closeText: defineRoute({
    method: 'POST', path: `${text}/close`, feature: 'texts', auth: 'jwt', tags,
    summary: 'Clore le texte : plus d’amendement déposé ; ceux en attente restent à trancher, la dernière version fait foi', params: x.TextParams, response: x.TextView,
  }),
  listTextVersions: defineRoute({
    method: 'GET', path: `${text}/versions`, feature: 'texts', auth: 'jwt', tags,
    summary: 'L’historique des versions : qui, quand, quels amendements', params: x.TextParams, response: x.VersionList,
  }),
  publishTextVersion: defineRoute({
    method: 'POST', path: `${text}/versions`, feature: 'texts', auth: 'jwt', tags, successStatus: 201,
    summary: 'Publier la nouvelle version : les amendements acceptés fusionnés (409 si la version a changé ou en cas de conflit)', params: x.TextParams, body: x.PublishInput, response: x.TextView,
  }),
  diffText: defineRoute({
    method: 'GET', path: `${text}/diff`, feature: 'texts', auth: 'jwt', tags,
    summary: 'Ce qui a changé entre deux versions, mot à mot', params: x.TextParams, query: x.DiffQuery, response: x.TextDiff,
  }),
  proposeAmendment: defineRoute({
    method: 'POST', path: `${text}/amendments`, feature: 'texts', auth: 'jwt', tags, successStatus: 201,
    summary: 'Proposer un amendement à la version courante (avec son exposé des motifs)', params: x.TextParams, body: x.AmendmentInput, response: x.Amendment,
  }),
  listAmendments: defineRoute({
    method: 'GET', path: `${text}/amendments`, feature: 'texts', auth: 'jwt', tags,
    summary: 'Les amendements du texte, dans leur ordre de dépôt', params: x.TextParams, response: x.AmendmentList,
  }),
  acceptAmendment: defineRoute({
    method: 'POST', path: `${text}/amendments/{amendmentId}/accept`, feature: 'texts', auth: 'jwt', tags,
    summary: 'Accepter un amendement (fusionné à la prochaine version)', params: x.AmendmentParams, body: x.DecisionInput, response: x.Amendment,
  }),
  rejectAmendment: defineRoute({
    method: 'POST', path: `${text}/amendments/{amendmentId}/reject`, feature: 'texts', auth: 'jwt', tags,
    summary: 'Rejeter un amendement (avec un mot)', params: x.AmendmentParams, body: x.DecisionInput, response: x.Amendment,
  }),
} satisfies Record<string, RouteContract>;
