import { socialRoutes as routes } from '../contracts/social-routes';
import { loadCaller } from '../domain/access/load-caller';
import * as attachments from '../domain/social/attachments';
import { featureLambda, implement } from './kit/feature-lambda';

/** Files of posts: presigned uploads, the server's check of what arrived, short-lived download links. */
export const handler = featureLambda('attachments', [
  implement(routes.createAttachmentUpload, async ({ actor, body }) => attachments.createAttachmentUpload(await loadCaller(actor), body)),
  implement(routes.confirmAttachment, async ({ actor, params }) => attachments.confirmAttachment(await loadCaller(actor), params.attachmentId)),
  implement(routes.getAttachmentLink, async ({ actor, params }) => attachments.getAttachmentLink(await loadCaller(actor), params.attachmentId)),
]);
