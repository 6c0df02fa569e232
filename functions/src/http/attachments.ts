import { socialRoutes as routes } from '../contracts/social-routes';
import * as attachments from '../domain/social/attachments';
import { featureLambda, implement } from './kit/feature-lambda';

/** Files of posts: presigned uploads, the server's check of what arrived, short-lived download links. */
export const handler = featureLambda('attachments', [
  implement(routes.createAttachmentUpload, async ({ caller, body }) => attachments.createAttachmentUpload(caller, body), { caller: true }),
  implement(routes.confirmAttachment, async ({ caller, params }) => attachments.confirmAttachment(caller, params.attachmentId), { caller: true }),
  implement(routes.getAttachmentLink, async ({ caller, params, query }) => attachments.getAttachmentLink(caller, params.attachmentId, query), { caller: true }),
]);
