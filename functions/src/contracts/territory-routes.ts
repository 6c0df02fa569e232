import * as z from 'zod';
import { PageQuery } from './common';
import {
  FederationCode,
  FederationDetail,
  FederationList,
  PostalCode,
  PostalCodeResolution,
  RegionCode,
  RegionDetail,
  RegionList,
  Section,
  SectionId,
  SectionPage,
} from './territory';
import { PlaceFinding } from './finder';
import { defineRoute } from './route';

/**
 * Regions, federations, sections and postal codes: public reference data. Spread into the one route
 * table (routes.ts); the `territory` Lambda imports these alone, so its bundle carries no other
 * feature's contracts.
 */
export const territoryRoutes = {
  listRegions: defineRoute({
    method: 'GET',
    path: '/api/regions',
    feature: 'territory',
    auth: 'public',
    summary: 'Toutes les régions',
    tags: ['Territoires'],
    response: RegionList,
  }),
  getRegion: defineRoute({
    method: 'GET',
    path: '/api/regions/{regionCode}',
    feature: 'territory',
    auth: 'public',
    summary: 'Une région et ses fédérations',
    tags: ['Territoires'],
    params: z.object({ regionCode: RegionCode }),
    response: RegionDetail,
  }),
  listFederations: defineRoute({
    method: 'GET',
    path: '/api/federations',
    feature: 'territory',
    auth: 'public',
    summary: 'Toutes les fédérations',
    tags: ['Territoires'],
    response: FederationList,
  }),
  getFederation: defineRoute({
    method: 'GET',
    path: '/api/federations/{federationCode}',
    feature: 'territory',
    auth: 'public',
    summary: 'Une fédération',
    tags: ['Territoires'],
    params: z.object({ federationCode: FederationCode }),
    response: FederationDetail,
  }),
  listFederationSections: defineRoute({
    method: 'GET',
    path: '/api/federations/{federationCode}/sections',
    feature: 'territory',
    auth: 'public',
    summary: "Les sections d'une fédération, par nom (paginé)",
    tags: ['Territoires'],
    params: z.object({ federationCode: FederationCode }),
    query: PageQuery,
    response: SectionPage,
  }),
  getSection: defineRoute({
    method: 'GET',
    path: '/api/sections/{sectionId}',
    feature: 'territory',
    auth: 'public',
    summary: 'Une section',
    tags: ['Territoires'],
    params: z.object({ sectionId: SectionId }),
    response: Section,
  }),
  resolvePostalCode: defineRoute({
    method: 'GET',
    path: '/api/postal-codes/{postalCode}',
    feature: 'territory',
    auth: 'public',
    summary: 'Commune(s), fédération et région d’un code postal',
    tags: ['Territoires'],
    params: z.object({ postalCode: PostalCode }),
    response: PostalCodeResolution,
  }),
  findPlace: defineRoute({
    method: 'GET',
    path: '/api/postal-codes/{postalCode}/sections',
    feature: 'territory',
    auth: 'public',
    summary: 'Trouver ma section : les sections des communes d’un code postal, et si Coopol y est ouvert',
    tags: ['Territoires'],
    params: z.object({ postalCode: PostalCode }),
    response: PlaceFinding,
  }),
};
