import { Entity } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';
import { attachedFiles } from './posts';

/** Moderation: reports of posts and comments, people blocked from a space. */

/**
 * A report of a post or comment (S19): seen by the space's moderators (by space), escalated by them
 * to national admins (sparse `escalated` index).
 */
export const ReportEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'report', version: '1' },
    attributes: {
      reportId: { type: 'string', required: true },
      spaceKey: { type: 'string', required: true },
      /** A post's report (or one of its comments'); a message's report has none. */
      postId: { type: 'string' },
      commentId: { type: 'string' },
      /**
       * A message's report (ADR 0029): the reported message alone, copied — its moderators (the national
       * team, for a conversation that is not a salon) never read the conversation.
       */
      conversationId: { type: 'string' },
      messageId: { type: 'string' },
      messageText: { type: 'string' },
      messageAuthorId: { type: 'string' },
      messageAuthorName: { type: 'string' },
      messageAt: { type: 'string' },
      /** Its files as they were (their moderators download them through the report, never the conversation). */
      messageAttachments: attachedFiles,
      /** Set when the moderators withdrew the reported message. */
      messageHidden: { type: 'string' },
      reason: { type: 'string', required: true },
      reporterId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Set when moderators escalate the report to the national admins. */
      escalated: { type: 'string' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['reportId'] }, sk: { field: 'sk', composite: [] } },
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['at', 'reportId'] } },
      escalations: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['escalated'] }, sk: { field: 'gsi2sk', composite: ['at', 'reportId'] } },
    },
  },
  entityConfig,
);

/** Someone the moderators of one space blocked from posting and commenting there (S20), and nowhere else. */
export const SpaceBlockEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'spaceBlock', version: '1' },
    attributes: {
      spaceKey: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      blockedBy: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      bySpace: { pk: { field: 'pk', composite: ['spaceKey'] }, sk: { field: 'sk', composite: ['userId'] } },
    },
  },
  entityConfig,
);
