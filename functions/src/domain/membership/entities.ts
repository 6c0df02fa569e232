import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';

const config = { table: tableName, client: documentClient };

/** Shards of the "whole member file" index: the import reads them all to find lapsed members. */
export const MEMBER_FILE_SHARDS = 8;

/**
 * A line of the party's member file, as last imported. `active` turns false when a later import no
 * longer contains it (lapsed); the person linked to it, if any, becomes a supporter.
 */
export const MemberRecordEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'memberRecord', version: '1' },
    attributes: {
      memberNumber: { type: 'string', required: true },
      email: { type: 'string', required: true },
      lastName: { type: 'string', required: true },
      firstName: { type: 'string', required: true },
      sectionId: { type: 'string', required: true },
      active: { type: 'boolean', required: true },
      shard: { type: 'number', required: true },
      /** The person who signed up with this record, once they have. */
      userId: { type: 'string' },
      importedAt: { type: 'string', required: true },
    },
    indexes: {
      byNumber: { pk: { field: 'pk', composite: ['memberNumber'] }, sk: { field: 'sk', composite: [] } },
      byEmail: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['email'] }, sk: { field: 'gsi1sk', composite: ['memberNumber'] } },
      byShard: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['shard'] }, sk: { field: 'gsi2sk', composite: ['memberNumber'] } },
    },
  },
  config,
);
