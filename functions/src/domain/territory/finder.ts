import type { PlaceFinding } from '../../contracts/finder';
import { isFederationOpen } from '../rollout/territories';
import { resolvePostalCode, sectionsOfCommunes } from './service';

/**
 * « Trouver ma section »: the communes of a postal code (T8), each with its sections (T11, one
 * query per commune) and whether its federation is open to sign-up (W4, one get per federation),
 * all in parallel. A postal code has a handful of communes, so the cost stays small and bounded.
 */
export async function findPlace(postalCode: string): Promise<PlaceFinding> {
  const { communes } = await resolvePostalCode(postalCode);
  const federations = [...new Set(communes.map((c) => c.federation.code))];
  const [sections, openings] = await Promise.all([
    sectionsOfCommunes(communes.map((c) => c.code)),
    Promise.all(federations.map(async (code) => [code, await isFederationOpen(code)] as const)),
  ]);
  const open = new Map(openings);
  return {
    postalCode,
    communes: communes.map((commune, i) => ({
      ...commune,
      federation: { ...commune.federation, open: open.get(commune.federation.code) ?? false },
      sections: sections[i]!.map((s) => ({ id: s.sectionId, name: s.name })),
    })),
  };
}
