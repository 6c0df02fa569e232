import { releaseStorage } from '../domain/documents/storage';
import { deleteFilesOfPost, forgetFileOf } from '../domain/social/attachment-cleanup';
import { streamJob } from './kit/stream-job';

/** The table stream's removals of attachments (TTL, a deleted message or document) and posts (deleted): their files leave the bucket; a document's bytes leave its space's storage. */
export const handler = streamJob(async ({ before: removed }) => {
  if (removed?.__edb_e__ === 'attachment') await forgetFileOf(removed);
  else if (removed?.__edb_e__ === 'post') await deleteFilesOfPost(removed as Parameters<typeof deleteFilesOfPost>[0]);
  else if (removed?.__edb_e__ === 'spaceDocument') await releaseStorage(removed);
});
