import { peopleRoutes as routes } from '../contracts/people-routes';
import { getFirstSteps } from '../domain/people/first-steps';
import * as people from '../domain/people/service';
import * as roles from '../domain/roles/service';
import { featureLambda, implement } from './kit/feature-lambda';

/** People: profiles and who sees what, the members and officials of each space, roles. */
export const handler = featureLambda('people', [
  implement(routes.getMyProfile, async ({ caller }) => people.getMyProfile(caller), { caller: true }),
  implement(routes.getFirstSteps, async ({ caller }) => getFirstSteps(caller), { caller: true }),
  implement(routes.updateMyProfile, async ({ caller, body }) => people.updateMyProfile(caller, body), { caller: true }),
  implement(routes.createPhotoUpload, async ({ caller, body }) => people.createPhotoUpload(caller, body), { caller: true }),
  implement(routes.confirmPhoto, async ({ caller, body }) => people.confirmPhoto(caller, body.key), { caller: true }),
  implement(routes.getProfile, async ({ caller, params }) => people.getPublicProfile(caller, params.userId), { caller: true }),
  implement(routes.listSectionMembers, async ({ caller, params, query }) => people.listSectionMembers(caller, params.sectionId, query), { caller: true }),
  implement(routes.listFederationMembers, async ({ caller, params, query }) =>
    people.listFederationMembers(caller, params.federationCode, query),
    { caller: true },
  ),
  implement(routes.listSectionOfficials, async ({ caller, params }) => ({
    items: await roles.listOfficials(caller, 'section', params.sectionId),
  }), { caller: true }),
  implement(routes.listFederationOfficials, async ({ caller, params }) => ({
    items: await roles.listOfficials(caller, 'federation', params.federationCode),
  }), { caller: true }),
  implement(routes.grantRole, async ({ caller, body }) => roles.grantRole(caller, body), { caller: true }),
  implement(routes.revokeRole, async ({ caller, params }) => (await roles.revokeRole(caller, params), { ok: true as const }), { caller: true }),
]);
