import { reindex } from '../domain/social/search-index';
import { streamJob } from './kit/stream-job';

/** The table stream, filtered to people, groups, sections and posts: keeps the search index in step (idempotent). */
export const handler = streamJob(async ({ before, after }) => reindex(before, after));
