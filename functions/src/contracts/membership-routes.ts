import * as z from 'zod';
import { MemberFileReport } from './identity';
import { defineRoute } from './route';

/**
 * The party's member file. Spread into the one route table (routes.ts); the `membership` Lambda
 * imports these alone, so its bundle carries no other feature's contracts.
 */
export const membershipRoutes = {
  importMemberFile: defineRoute({
    method: 'POST', path: '/api/member-file', feature: 'membership', auth: 'jwt', tags: ['Adhésions'],
    summary: 'Importer le fichier des adhérents (CSV : numero, nom, prenom, email, section)',
    body: z.string().meta({ description: 'Le fichier CSV (séparateur « ; » ou « , »), en-tête en première ligne' }),
    bodyType: 'csv', maxBodyBytes: 5 * 1024 * 1024, response: MemberFileReport,
  }),
};
