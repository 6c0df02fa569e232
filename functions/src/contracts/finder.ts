import * as z from 'zod';
import { FederationCode, PostalCode, RegionCode, SectionId } from './territory';

// Apart from territory.ts: only the territory Lambda and the web need it (the events bundle stays small).
/** What « Trouver ma section » answers: each commune with its sections, and whether Coopol is open there. */
export const PlaceFinding = z
  .object({
    postalCode: PostalCode,
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        federation: z.object({
          code: FederationCode,
          name: z.string(),
          /** Sign-up is open in this federation (a rollout wave opened it); otherwise one preregisters. */
          open: z.boolean(),
        }),
        region: z.object({ code: RegionCode, name: z.string() }).nullable(),
        /** The commune's sections, by name (none: the federation's sections are the way in). */
        sections: z.array(z.object({ id: SectionId, name: z.string() })),
      }),
    ),
  })
  .meta({ id: 'PlaceFinding', description: 'Communes d’un code postal, leurs sections, et si Coopol y est ouvert.' });
export type PlaceFinding = z.infer<typeof PlaceFinding>;
