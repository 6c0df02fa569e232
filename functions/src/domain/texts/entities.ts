import { Entity } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';

/**
 * Texts and amendments (issue 17, ADR 0030; docs/ACCESS_PATTERNS.md § Texts, X1–X5). A version is
 * immutable once written; the text says which is current, and moving it is the one write that
 * publishes (conditioned on the version it replaces).
 */

const blocks = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: {
      id: { type: 'string', required: true },
      kind: { type: ['heading', 'paragraph', 'item'] as const, required: true },
      text: { type: 'string', required: true },
    },
  },
} as const;

/** A text in a space: by id (X1) and, on gsi1, a space's texts newest first (X2). */
export const TextEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'text', version: '1' },
    attributes: {
      textId: { type: 'string', required: true },
      spaceKey: { type: 'string', required: true },
      spaceType: { type: ['national', 'federation', 'section', 'group'] as const, required: true },
      spaceId: { type: 'string', required: true },
      /** A section's federation: who runs it from above. */
      spaceFederation: { type: 'string' },
      title: { type: 'string', required: true },
      state: { type: ['draft', 'open', 'closed'] as const, required: true },
      deadline: { type: 'string' },
      currentVersion: { type: 'number', required: true },
      /** Amendments filed so far: the next one's number (« amendement n° 3 »). */
      amendmentCount: { type: 'number' },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['textId'] }, sk: { field: 'sk', composite: [] } },
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'textId'] } },
    },
  },
  entityConfig,
);

/** One version of a text, never changed once written (X3). */
export const TextVersionEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'textVersion', version: '1' },
    attributes: {
      textId: { type: 'string', required: true },
      number: { type: 'number', required: true, padding: { length: 6, char: '0' } },
      blocks,
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** The amendments merged into it. */
      amendmentIds: { type: 'list', items: { type: 'string' } },
    },
    indexes: { byText: { pk: { field: 'pk', composite: ['textId'] }, sk: { field: 'sk', composite: ['number'] } } },
  },
  entityConfig,
);

/** An amendment to one version of a text; ids sort by filing time, its number is its rank (X4). */
export const AmendmentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'amendment', version: '1' },
    attributes: {
      textId: { type: 'string', required: true },
      amendmentId: { type: 'string', required: true },
      /** « Amendement n° 3 »: the text's count of amendments when it was filed. */
      number: { type: 'number', required: true },
      version: { type: 'number', required: true },
      /** Its changes (contracts `Change[]`), as JSON: a list of differently shaped changes. */
      changes: { type: 'string', required: true },
      /**
       * The wording of the blocks it rewrites or deletes in the version it amends, as JSON (blockId →
       * { kind, text }), and its first and last lines there: its diff and « lignes 12 à 15 » are
       * drawn from the amendment alone, whatever the text's size.
       */
      originals: { type: 'string', required: true },
      lineFrom: { type: 'number' },
      lineTo: { type: 'number' },
      justification: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      state: { type: ['pending', 'accepted', 'rejected', 'merged', 'outdated'] as const, required: true },
      note: { type: 'string' },
      createdAt: { type: 'string', required: true },
    },
    indexes: { byText: { pk: { field: 'pk', composite: ['textId'] }, sk: { field: 'sk', composite: ['amendmentId'] } } },
  },
  entityConfig,
);
