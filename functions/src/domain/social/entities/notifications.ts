import { Entity } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';

/** What people are told, how each kind reaches them by mail, and the digests due. */

export const notificationKinds = ['comment', 'friend-request', 'group-request', 'group-invitation', 'mention', 'message'] as const;
export const emailModes = ['immediate', 'daily', 'weekly', 'never'] as const;

/**
 * Something to tell one person (S15): a new comment on a conversation they follow, a friend request,
 * a request to join a group they manage, an invitation. Plain text and a site path, never HTML.
 */
export const NotificationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'notification', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Derived from what caused it: the same event never notifies twice (a redelivered stream record). */
      notificationId: { type: 'string', required: true },
      kind: { type: notificationKinds, required: true },
      text: { type: 'string', required: true },
      /** The text without its quote (« Marc a répondu à votre commentaire »): what is shown with the current words once they are edited. */
      lead: { type: 'string' },
      path: { type: 'string', required: true },
      groupId: { type: 'string' },
      /** Opened by its recipient (older ones are read through the state's `readAt`). */
      readAt: { type: 'string' },
      /** The post (and comment) whose words it quotes: hidden or deleted since, it is shown withdrawn (derived copies). */
      postId: { type: 'string' },
      commentId: { type: 'string' },
      commentAt: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['at', 'notificationId'] } },
    },
  },
  entityConfig,
);

/**
 * One person's notification state (S16): the unread count of the bell, when they last read, their
 * email choice per kind, the groups they muted.
 */
export const NotificationStateEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'notificationState', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      unread: { type: 'number' },
      readAt: { type: 'string' },
      email: {
        type: 'map',
        properties: {
          comment: { type: emailModes },
          'friend-request': { type: emailModes },
          'group-request': { type: emailModes },
          'group-invitation': { type: emailModes },
          mention: { type: emailModes },
          message: { type: emailModes },
        },
      },
      mutedGroups: { type: 'set', items: 'string' },
      /** Until when each digest was sent (its notifications after this go in the next). */
      dailySentUntil: { type: 'string' },
      weeklySentUntil: { type: 'string' },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  entityConfig,
);

/**
 * A digest to send (S17): written when a notification goes to someone who chose a daily or weekly
 * digest for its kind, one item per person and slot (`daily:2026-11-22`, `weekly:2026-11-23`). The
 * digest job reads the slots that are due, a page of people at a time: never everyone at once.
 */
export const DigestDueEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'digestDue', version: '1' },
    attributes: {
      slot: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      bySlot: { pk: { field: 'pk', composite: ['slot'] }, sk: { field: 'sk', composite: ['userId'] } },
    },
  },
  entityConfig,
);
