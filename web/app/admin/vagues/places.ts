import { routes } from '@coopol/contracts';
import { callApi } from '../../../lib/api';
import type { Places } from './WaveForm';

/** Regions and federations, for the wave form and for naming a wave's territories. */
export async function loadPlaces(): Promise<Places> {
  const [regions, federations] = await Promise.all([callApi(routes.listRegions, {}), callApi(routes.listFederations, {})]);
  return { regions: regions.items, federations: federations.items };
}

/** « Centre-Val de Loire, Bretagne »: a wave's regions or federations by name. */
export function namesOf(codes: string[], places: { code: string; name: string }[]): string[] {
  const byCode = new Map(places.map((place) => [place.code, place.name]));
  return codes.map((code) => byCode.get(code) ?? code);
}
