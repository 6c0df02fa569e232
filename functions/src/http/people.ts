import { peopleRoutes as routes } from '../contracts/people-routes';
import { loadCaller } from '../domain/access/load-caller';
import * as people from '../domain/people/service';
import * as roles from '../domain/roles/service';
import { featureLambda, implement } from './kit/feature-lambda';

/** People: profiles and who sees what, the members and officials of each space, roles. */
export const handler = featureLambda('people', [
  implement(routes.getMyProfile, async ({ actor }) => people.getMyProfile(await loadCaller(actor))),
  implement(routes.updateMyProfile, async ({ actor, body }) => people.updateMyProfile(await loadCaller(actor), body)),
  implement(routes.createPhotoUpload, async ({ actor, body }) => people.createPhotoUpload(await loadCaller(actor), body)),
  implement(routes.confirmPhoto, async ({ actor, body }) => people.confirmPhoto(await loadCaller(actor), body.key)),
  implement(routes.getProfile, async ({ actor, params }) => people.getPublicProfile(await loadCaller(actor), params.userId)),
  implement(routes.listSectionMembers, async ({ actor, params, query }) => people.listSectionMembers(await loadCaller(actor), params.sectionId, query)),
  implement(routes.listFederationMembers, async ({ actor, params, query }) =>
    people.listFederationMembers(await loadCaller(actor), params.federationCode, query),
  ),
  implement(routes.listSectionOfficials, async ({ actor, params }) => ({
    items: await roles.listOfficials(await loadCaller(actor), 'section', params.sectionId),
  })),
  implement(routes.listFederationOfficials, async ({ actor, params }) => ({
    items: await roles.listOfficials(await loadCaller(actor), 'federation', params.federationCode),
  })),
  implement(routes.grantRole, async ({ actor, body }) => roles.grantRole(await loadCaller(actor), body)),
  implement(routes.revokeRole, async ({ actor, params }) => (await roles.revokeRole(await loadCaller(actor), params), { ok: true as const })),
]);
