import { socialRoutes as routes } from '../contracts/social-routes';
import { search } from '../domain/social/search';
import { featureLambda, implement } from './kit/feature-lambda';

/** Search: people, groups, sections and their next events, posts — read-only, apart from the posts Lambda (ADR 0022). */
export const handler = featureLambda('search', [implement(routes.search, async ({ caller, query }) => search(caller, query.q), { caller: true })]);
