import { deleteFilesOfPost, forgetFileOf } from '../domain/social/attachment-cleanup';
import { streamJob } from './kit/stream-job';

/** The table stream's removals of attachments (TTL, a deleted message) and posts (deleted): their files leave the bucket. */
export const handler = streamJob(async ({ before: removed }) => {
  if (removed?.__edb_e__ === 'attachment') await forgetFileOf(removed);
  else if (removed?.__edb_e__ === 'post') await deleteFilesOfPost(removed as Parameters<typeof deleteFilesOfPost>[0]);
});
