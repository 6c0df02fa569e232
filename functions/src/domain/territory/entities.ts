import { Entity, Service } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';

/**
 * Territory entities. Keys are declared from attributes (ElectroDB builds them); the index names
 * map onto the generic keys of the single table (domain/table-design.ts).
 * Access patterns: docs/ACCESS_PATTERNS.md § Territory.
 */
const config = { table: tableName, client: documentClient };

export const RegionEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'region', version: '1' },
    attributes: {
      code: { type: 'string', required: true },
      name: { type: 'string', required: true },
      zone: { type: ['metro', 'drom', 'com'] as const, required: true },
    },
    indexes: {
      byCode: { pk: { field: 'pk', composite: ['code'] }, sk: { field: 'sk', composite: [] } },
      // All regions in one small partition: reference data, a few dozen items, read through a cache.
      all: { index: 'gsi1', pk: { field: 'gsi1pk', composite: [] }, sk: { field: 'gsi1sk', composite: ['code'] } },
    },
  },
  config,
);

export const FederationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'federation', version: '1' },
    attributes: {
      code: { type: 'string', required: true },
      name: { type: 'string', required: true },
      regionCode: { type: 'string' },
      regionName: { type: 'string' },
      /** Maintained in the same transaction as each section's creation. */
      sectionCount: { type: 'number', required: true, default: 0 },
    },
    indexes: {
      byCode: { pk: { field: 'pk', composite: ['code'] }, sk: { field: 'sk', composite: [] } },
      byRegion: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['regionCode'] },
        sk: { field: 'gsi1sk', composite: ['code'] },
      },
      all: { index: 'gsi2', pk: { field: 'gsi2pk', composite: [] }, sk: { field: 'gsi2sk', composite: ['code'] } },
    },
  },
  config,
);

export const SectionEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'section', version: '1' },
    attributes: {
      sectionId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      /** Accent-free, lower-case name: sorts sections alphabetically within a federation. */
      sortName: { type: 'string', required: true },
      kind: { type: ['commune', 'quartier', 'entreprise', 'etranger'] as const, required: true },
      description: { type: 'string', required: true, default: '' },
      federationCode: { type: 'string', required: true },
      federationName: { type: 'string', required: true },
      regionCode: { type: 'string' },
      regionName: { type: 'string' },
      communeCode: { type: 'string' },
      communeName: { type: 'string' },
      createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['sectionId'] }, sk: { field: 'sk', composite: [] } },
      byFederation: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['federationCode'] },
        sk: { field: 'gsi1sk', composite: ['sortName', 'sectionId'] },
      },
      // The sections of a commune (the finder): sparse, a section without a commune has no key here.
      byCommune: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: ['communeCode'] },
        sk: { field: 'gsi2sk', composite: ['sortName', 'sectionId'] },
      },
    },
  },
  config,
);

export const PostalCodeEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'postalCode', version: '1' },
    attributes: {
      postalCode: { type: 'string', required: true },
      communes: {
        type: 'list',
        required: true,
        items: {
          type: 'map',
          properties: {
            code: { type: 'string', required: true },
            name: { type: 'string', required: true },
            federationCode: { type: 'string', required: true },
            federationName: { type: 'string', required: true },
            regionCode: { type: 'string' },
            regionName: { type: 'string' },
          },
        },
      },
    },
    indexes: {
      byCode: { pk: { field: 'pk', composite: ['postalCode'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  config,
);

/** Marks which version of the official geography is loaded, so seeding is skipped when current. */
export const ReferenceDataEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'referenceData', version: '1' },
    attributes: {
      name: { type: 'string', required: true },
      version: { type: 'string', required: true },
      loadedAt: { type: 'string', required: true },
    },
    indexes: { byName: { pk: { field: 'pk', composite: ['name'] }, sk: { field: 'sk', composite: [] } } },
  },
  config,
);

export const territory = new Service({
  region: RegionEntity,
  federation: FederationEntity,
  section: SectionEntity,
  postalCode: PostalCodeEntity,
  referenceData: ReferenceDataEntity,
});
