import { fanOutPost, type NewPost } from '../domain/social/fanout';
import { streamJob } from './kit/stream-job';

/**
 * The table stream, filtered to new posts (infra/jobs.ts): each post goes into the feeds of its
 * readers. A failed or killed invocation gets the same post again; the fan-out is idempotent.
 */
export const handler = streamJob<NewPost>(async ({ after: post }) => {
  await fanOutPost(post!);
});
