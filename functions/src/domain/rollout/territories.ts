import { DomainError } from '../errors';
import { resolvePostalCode } from '../territory/service';
import { TerritoryOpeningEntity } from './entities';
import { isConditionFailure } from '../../shared/conditions';

/** Sign-up refused: the person's federation has not opened yet (the web offers to preregister). */
export class TerritoryNotOpenError extends DomainError {
  constructor(place: { communeName: string; federationName: string }) {
    super(403, 'TerritoryNotOpen', ['territory.not-open', { commune: place.communeName, federation: place.federationName }], [
      { field: 'body.postalCode', message: `Coopol n’est pas encore ouvert à ${place.communeName} (${place.federationName}).` },
    ]);
  }
}

export interface Place {
  postalCode: string;
  communeName: string;
  federationCode: string;
  federationName: string;
  regionCode?: string;
  regionName?: string;
}

/** Where a postal code is (its first commune decides the federation). Throws NotFound if unknown. */
export async function placeOf(postalCode: string): Promise<Place> {
  const commune = (await resolvePostalCode(postalCode)).communes[0]!;
  return {
    postalCode,
    communeName: commune.name,
    federationCode: commune.federation.code,
    federationName: commune.federation.name,
    regionCode: commune.region?.code,
    regionName: commune.region?.name,
  };
}

/** Is this federation open to sign-up? One GetItem. */
export async function isFederationOpen(federationCode: string): Promise<boolean> {
  const { data } = await TerritoryOpeningEntity.get({ federationCode }).go();
  return data !== null;
}

/**
 * The rule sign-up obeys, in the API and in the PreSignUp trigger alike: the federation of the
 * person's postal code must be open.
 */
export async function assertTerritoryOpen(postalCode: string): Promise<void> {
  const place = await placeOf(postalCode);
  if (!(await isFederationOpen(place.federationCode))) throw new TerritoryNotOpenError(place);
}

/** Opens federations (idempotent: a federation keeps the wave and date that first opened it). */
export async function openFederations(federations: { code: string; regionCode?: string }[], waveId: string, openedAt: string): Promise<void> {
  await Promise.all(
    federations.map((federation) =>
      TerritoryOpeningEntity.create({ federationCode: federation.code, regionCode: federation.regionCode, waveId, openedAt })
        .go()
        .catch((error: Error) => {
          if (!isConditionFailure(error)) throw error;
        }),
    ),
  );
}

/** Every open federation (one Query: at most ~110 items). */
export async function listOpenFederations(): Promise<{ federationCode: string; regionCode?: string; waveId: string; openedAt: string }[]> {
  const { data } = await TerritoryOpeningEntity.query.all({}).go({ pages: 'all' });
  return data;
}
