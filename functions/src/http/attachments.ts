import { documentRoutes } from '../contracts/documents-routes';
import { socialRoutes } from '../contracts/social-routes';
import * as documents from '../domain/documents/service';
import * as attachments from '../domain/social/attachments';
import { featureLambda, implement } from './kit/feature-lambda';

const routes = { ...socialRoutes, ...documentRoutes };

/** Files of posts, messages and a space's documents: presigned uploads, the server's check of what arrived, short-lived download links, the spaces' documents. */
export const handler = featureLambda('attachments', [
  implement(routes.createAttachmentUpload, async ({ caller, body }) => attachments.createAttachmentUpload(caller, body), { caller: true }),
  implement(routes.confirmAttachment, async ({ caller, params }) => attachments.confirmAttachment(caller, params.attachmentId), { caller: true }),
  implement(routes.getAttachmentLink, async ({ caller, params, query }) => attachments.getAttachmentLink(caller, params.attachmentId, query), { caller: true }),
  implement(routes.listSpaceDocuments, async ({ caller, params, query }) => documents.listSpaceDocuments(caller, { type: params.spaceType, id: params.spaceId }, query), { caller: true }),
  implement(routes.addSpaceDocuments, async ({ caller, params, body }) => documents.addSpaceDocuments(caller, { type: params.spaceType, id: params.spaceId }, body), { caller: true }),
  implement(routes.deleteSpaceDocument, async ({ caller, params }) => documents.deleteSpaceDocument(caller, { type: params.spaceType, id: params.spaceId }, params.documentId), { caller: true }),
]);
