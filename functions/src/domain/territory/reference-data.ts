import { createRequire } from 'node:module';

/**
 * France's official geography, from two well-kept open-data packages:
 * `@etalab/decoupage-administratif` (regions, départements, communes: INSEE codes) and
 * `codes-postaux` (La Poste's postal code → commune table). Read only by the seeding job, never
 * bundled into a request handler (the data is several megabytes).
 */
const require = createRequire(import.meta.url);

interface RawRegion { code: string; nom: string; zone: 'metro' | 'drom' | 'com' }
interface RawDepartement { code: string; nom: string; region: string; zone: 'metro' | 'drom' | 'com'; typeLiaison: number }
interface RawCommune { code: string; nom: string; type: string; departement?: string; region?: string; collectiviteOutremer?: string }
interface RawPostalCode { codePostal: string; codeCommune: string; nomCommune: string }

/** INSEE's "type de liaison" gives the article a name takes after "de": du Haut-Rhin, de la Réunion, d’Ille-et-Vilaine. */
const linkingWords = ['de ', 'd’', 'du ', 'de la ', 'des ', 'de l’'];

function federationName(departement: RawDepartement): string {
  return `Fédération ${linkingWords[departement.typeLiaison] ?? 'de '}${departement.nom}`;
}

export const ABROAD_FEDERATION = { code: '99', name: 'Fédération des Français de l’étranger' } as const;

export interface RegionRecord { code: string; name: string; zone: RawRegion['zone'] }
export interface FederationRecord { code: string; name: string; regionCode?: string; regionName?: string }
export interface PostalCodeRecord {
  postalCode: string;
  communes: { code: string; name: string; federationCode: string; federationName: string; regionCode?: string; regionName?: string }[];
}

export interface ReferenceData {
  /** Changes whenever the packages' data changes: seeding is skipped when the table holds this version. */
  version: string;
  regions: RegionRecord[];
  federations: FederationRecord[];
  postalCodes: PostalCodeRecord[];
}

export function loadReferenceData(): ReferenceData {
  const rawRegions = require('@etalab/decoupage-administratif/data/regions.json') as RawRegion[];
  const rawDepartements = require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const rawPostalCodes = require('codes-postaux/codes-postaux.json') as RawPostalCode[];
  const versions = [
    (require('@etalab/decoupage-administratif/package.json') as { version: string }).version,
    (require('codes-postaux/package.json') as { version: string }).version,
  ];

  // A commune's département: communes, their arrondissements (Paris, Lyon, Marseille) and former
  // communes all carry it; overseas collectivités carry their own code instead.
  const departementOfCommune = new Map<string, string>();
  for (const commune of rawCommunes) {
    const departement = commune.departement ?? commune.collectiviteOutremer;
    if (departement && !departementOfCommune.has(commune.code)) departementOfCommune.set(commune.code, departement);
  }
  const inhabited = new Set(departementOfCommune.values());

  const regionByCode = new Map(rawRegions.map((r) => [r.code, r]));
  const federations: FederationRecord[] = rawDepartements
    .filter((d) => inhabited.has(d.code))
    .map((d) => {
      const region = regionByCode.get(d.region);
      return { code: d.code, name: federationName(d), regionCode: region?.code, regionName: region?.nom };
    });
  federations.push({ code: ABROAD_FEDERATION.code, name: ABROAD_FEDERATION.name });

  const usedRegions = new Set(federations.map((f) => f.regionCode).filter(Boolean));
  const regions = rawRegions
    .filter((r) => usedRegions.has(r.code))
    .map((r) => ({ code: r.code, name: r.nom, zone: r.zone }));

  const federationByCode = new Map(federations.map((f) => [f.code, f]));
  const byPostalCode = new Map<string, PostalCodeRecord>();
  for (const row of rawPostalCodes) {
    const federation = federationByCode.get(departementOfCommune.get(row.codeCommune) ?? '');
    if (!federation) continue;
    let record = byPostalCode.get(row.codePostal);
    if (!record) byPostalCode.set(row.codePostal, (record = { postalCode: row.codePostal, communes: [] }));
    if (record.communes.some((c) => c.code === row.codeCommune)) continue;
    record.communes.push({
      code: row.codeCommune,
      name: row.nomCommune,
      federationCode: federation.code,
      federationName: federation.name,
      regionCode: federation.regionCode,
      regionName: federation.regionName,
    });
  }

  return {
    version: `decoupage-administratif@${versions[0]}+codes-postaux@${versions[1]}`,
    regions,
    federations,
    postalCodes: [...byPostalCode.values()],
  };
}
