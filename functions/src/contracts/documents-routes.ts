import { Done, PageQuery } from './common';
import * as d from './documents';
import { defineRoute, type RouteContract } from './route';

const tags = ['Documents des espaces'];
const documents = '/api/spaces/{spaceType}/{spaceId}/documents';

/** A space's shared documents (issue 17, ADR 0030): the attachments' files, kept in a space within its quota. */
export const documentRoutes = {
  listSpaceDocuments: defineRoute({
    method: 'GET', path: documents, feature: 'attachments', auth: 'jwt', tags,
    summary: 'Les documents d’un espace, les plus récents d’abord, et la place qu’ils occupent', params: d.SpaceDocumentsParams, query: PageQuery, response: d.SpaceDocumentPage,
  }),
  addSpaceDocuments: defineRoute({
    method: 'POST', path: documents, feature: 'attachments', auth: 'jwt', tags, successStatus: 201,
    summary: 'Partager des fichiers déjà envoyés et vérifiés dans l’espace (un document chacun ; 409 si le quota est dépassé)', params: d.SpaceDocumentsParams, body: d.AddDocumentsInput, response: d.SpaceDocumentList,
  }),
  deleteSpaceDocument: defineRoute({
    method: 'DELETE', path: `${documents}/{documentId}`, feature: 'attachments', auth: 'jwt', tags,
    summary: 'Retirer un document (la personne qui l’a partagé, les responsables de l’espace) : son fichier est effacé', params: d.SpaceDocumentParams, response: Done,
  }),
} satisfies Record<string, RouteContract>;
