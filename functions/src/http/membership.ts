import { membershipRoutes as routes } from '../contracts/membership-routes';
import { importMemberFile } from '../domain/membership/member-file';
import { featureLambda, implement } from './kit/feature-lambda';

/** Membership: the party's member file. */
export const handler = featureLambda('membership', [
  implement(routes.importMemberFile, async ({ caller, body }) => importMemberFile(caller, body), { caller: true }),
]);
