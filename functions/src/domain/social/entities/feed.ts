import { Entity } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';
import { retention } from '../../privacy/retention';

/** Feed items expire after this many days (TTL): personal feeds are capped by age. */
export const FEED_RETENTION_DAYS = retention.feedItem.seconds / 86400;

/**
 * One post in one person's feed, written by the fan-out job (S11). The key is the post: a fan-out
 * run twice writes the same items. Capped by age (`expiresAt`, TTL; filtered on read locally).
 */
export const FeedItemEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'feedItem', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      postId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
      // The post's space, so that the feed reads the reader's standing there beside the post (ADR 0025).
      // Absent on items written before: the feed reads the post first for those.
      spaceType: { type: ['section', 'federation', 'group', 'profile', 'national'] as const },
      spaceId: { type: 'string' },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['createdAt', 'postId'] } },
    },
  },
  entityConfig,
);
