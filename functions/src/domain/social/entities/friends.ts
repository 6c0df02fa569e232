import { Entity } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';

/** One side of a friendship (« coopains »): both sides are written together (S5). */
export const FriendshipEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'friendship', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      friendId: { type: 'string', required: true },
      /** `sent`: userId asked friendId; `received`: friendId asked userId. */
      state: { type: ['friends', 'sent', 'received'] as const, required: true },
      friendName: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['friendId'] } },
    },
  },
  entityConfig,
);
