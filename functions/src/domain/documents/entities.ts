import { Entity } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';

/**
 * A space's shared documents (issue 17, ADR 0030; docs/ACCESS_PATTERNS.md § Documents, D1–D4): each
 * one file of the attachments (ADR 0014), claimed for it, kept in the space with its folder and its
 * description; and the bytes the space's documents take, held against its quota.
 */
export const SpaceDocumentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'spaceDocument', version: '1' },
    attributes: {
      documentId: { type: 'string', required: true },
      spaceKey: { type: 'string', required: true },
      spaceType: { type: ['national', 'federation', 'section', 'group'] as const, required: true },
      spaceId: { type: 'string', required: true },
      folder: { type: 'string', required: true },
      description: { type: 'string', required: true },
      attachmentId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      contentType: { type: 'string', required: true },
      size: { type: 'number', required: true },
      uploaderId: { type: 'string', required: true },
      uploaderName: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['documentId'] }, sk: { field: 'sk', composite: [] } },
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'documentId'] } },
    },
  },
  entityConfig,
);

/** The bytes a space's documents take: moved up when documents are shared (conditioned on the quota), down by the stream when one goes. */
export const SpaceStorageEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'spaceStorage', version: '1' },
    attributes: {
      spaceKey: { type: 'string', required: true },
      bytes: { type: 'number' },
    },
    indexes: { byKey: { pk: { field: 'pk', composite: ['spaceKey'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);
