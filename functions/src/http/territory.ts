import { territoryRoutes as routes } from '../contracts/territory-routes';
import { findPlace } from '../domain/territory/finder';
import * as territory from '../domain/territory/service';
import { featureLambda, implement } from './kit/feature-lambda';

/** Territory: regions, federations, sections, postal codes. */
export const handler = featureLambda('territory', [
  implement(routes.listRegions, async () => ({ items: await territory.listRegions() })),
  implement(routes.getRegion, async ({ params }) => territory.getRegion(params.regionCode)),
  implement(routes.listFederations, async () => ({ items: await territory.listFederations() })),
  implement(routes.getFederation, async ({ params }) => territory.getFederation(params.federationCode)),
  implement(routes.listFederationSections, async ({ params, query }) =>
    territory.listFederationSections(params.federationCode, query),
  ),
  implement(routes.getSection, async ({ params }) => territory.getSection(params.sectionId)),
  implement(routes.resolvePostalCode, async ({ params }) => territory.resolvePostalCode(params.postalCode)),
  implement(routes.findPlace, async ({ params }) => findPlace(params.postalCode)),
]);
