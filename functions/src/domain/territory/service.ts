import type { EntityItem } from 'electrodb';
import type {
  Federation,
  FederationDetail,
  PostalCodeResolution,
  Region,
  RegionDetail,
  Section,
  SectionPage,
} from '../../contracts/territory';
import { refusedByCondition } from '../../shared/conditions';
import { NotFoundError } from '../errors';
import { badCursor } from '../paging';
import { FederationEntity, PostalCodeEntity, RegionEntity, SectionEntity, territory } from './entities';
import { foldName } from './names';

type FederationItem = EntityItem<typeof FederationEntity>;
type SectionItem = EntityItem<typeof SectionEntity>;

function toFederation(item: FederationItem): Federation {
  return {
    code: item.code,
    name: item.name,
    regionCode: item.regionCode ?? null,
    regionName: item.regionName ?? null,
  };
}

function toSection(item: SectionItem): Section {
  return {
    id: item.sectionId,
    name: item.name,
    kind: item.kind,
    description: item.description,
    federationCode: item.federationCode,
    federationName: item.federationName,
    regionCode: item.regionCode ?? null,
    regionName: item.regionName ?? null,
    communeCode: item.communeCode ?? null,
    communeName: item.communeName ?? null,
  };
}

// Regions change once a decade: keep them for the life of the container.
let regionsCache: Region[] | undefined;

/** All regions, by code (one query on gsi1, cached per container). */
export async function listRegions(): Promise<Region[]> {
  if (!regionsCache) {
    const { data } = await RegionEntity.query.all({}).go({ pages: 'all' });
    regionsCache = data.map(({ code, name, zone }) => ({ code, name, zone }));
  }
  return regionsCache;
}

/** One region and its federations (one get, one query on gsi1). */
export async function getRegion(code: string): Promise<RegionDetail> {
  const [region, federations] = await Promise.all([
    RegionEntity.get({ code }).go(),
    FederationEntity.query.byRegion({ regionCode: code }).go({ pages: 'all' }),
  ]);
  if (!region.data) throw new NotFoundError('region.not-found', 'params.regionCode');
  const { name, zone } = region.data;
  return { code, name, zone, federations: federations.data.map(toFederation) };
}

/** Every federation, by code (one query on gsi2: about 110 small items). */
export async function listFederations(): Promise<Federation[]> {
  const { data } = await FederationEntity.query.all({}).go({ pages: 'all' });
  return data.map(toFederation);
}

/** One federation with its section count (one get). */
export async function getFederation(code: string): Promise<FederationDetail> {
  const { data } = await FederationEntity.get({ code }).go();
  if (!data) throw new NotFoundError('federation.not-found', 'params.federationCode');
  return { ...toFederation(data), sectionCount: data.sectionCount };
}

/** A page of a federation's sections, by name (one get to check the federation, one query on gsi1). */
export async function listFederationSections(code: string, page: { cursor?: string; limit: number }): Promise<SectionPage> {
  const [federation, sections] = await Promise.all([
    FederationEntity.get({ code }).go(),
    SectionEntity.query
      .byFederation({ federationCode: code })
      .go({ cursor: page.cursor ?? null, limit: page.limit })
      .catch(badCursor(page.cursor)),
  ]);
  if (!federation.data) throw new NotFoundError('federation.not-found', 'params.federationCode');
  return { items: sections.data.map(toSection), nextCursor: sections.cursor ?? null };
}

/** One section (one get). */
export async function getSection(sectionId: string): Promise<Section> {
  const { data } = await SectionEntity.get({ sectionId }).go();
  if (!data) throw new NotFoundError('section.not-found', 'params.sectionId');
  return toSection(data);
}

/** The commune(s), federation and region of a postal code (one get). */
export async function resolvePostalCode(postalCode: string): Promise<PostalCodeResolution> {
  const { data } = await PostalCodeEntity.get({ postalCode }).go();
  if (!data) throw new NotFoundError('postal-code.not-found', 'params.postalCode');
  return {
    postalCode,
    communes: data.communes.map((commune) => ({
      code: commune.code,
      name: commune.name,
      federation: { code: commune.federationCode, name: commune.federationName },
      region: commune.regionCode && commune.regionName ? { code: commune.regionCode, name: commune.regionName } : null,
    })),
  };
}

export interface NewSection {
  sectionId: string;
  name: string;
  kind: Section['kind'];
  description: string;
  federationCode: string;
  communeCode?: string;
  communeName?: string;
}

/**
 * Creates a section and counts it on its federation in one transaction: the section must not exist
 * yet and the federation must. Returns false when the section already existed (nothing changed).
 */
export async function createSection(input: NewSection): Promise<boolean> {
  const federation = await FederationEntity.get({ code: input.federationCode }).go();
  if (!federation.data) throw new NotFoundError('federation.not-found', 'federationCode');
  const { name: federationName, regionCode, regionName } = federation.data;
  const result = await territory.transaction
    .write(({ section, federation: fed }) => [
      section
        .create({ ...input, sortName: foldName(input.name), federationName, regionCode, regionName })
        .commit(),
      fed.patch({ code: input.federationCode }).add({ sectionCount: 1 }).commit(),
    ])
    .go();
  if (result.canceled) {
    if (refusedByCondition(result)) return false; // the section exists already
    throw new Error(`Section ${input.sectionId} was not created: ${JSON.stringify(result.data)}`);
  }
  return true;
}
