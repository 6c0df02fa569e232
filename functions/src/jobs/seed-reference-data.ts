import { loadReferenceData } from '../domain/territory/reference-data';
import { FederationEntity, PostalCodeEntity, ReferenceDataEntity, RegionEntity } from '../domain/territory/entities';

const MARKER = 'geography';

/**
 * Loads the official geography (regions, federations, postal codes) into the table. Idempotent:
 * skipped when the table already holds this version; federations keep their counters when reloaded.
 * Run by the local stack at start, and once per stage in AWS (`npm run seed:reference -- --stage …`).
 */
export async function seedReferenceData(options: { force?: boolean } = {}): Promise<{ loaded: boolean; version: string }> {
  const data = loadReferenceData();
  const current = await ReferenceDataEntity.get({ name: MARKER }).go();
  if (!options.force && current.data?.version === data.version) return { loaded: false, version: data.version };

  await RegionEntity.put(data.regions).go({ concurrency: 4 });
  // upsert keeps `sectionCount` on federations that already exist.
  for (const federation of data.federations) {
    await FederationEntity.upsert(federation).ifNotExists({ sectionCount: 0 }).go();
  }
  await PostalCodeEntity.put(data.postalCodes).go({ concurrency: 8 });
  await ReferenceDataEntity.put({ name: MARKER, version: data.version, loadedAt: new Date().toISOString() }).go();
  return { loaded: true, version: data.version };
}
