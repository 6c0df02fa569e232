import { Entity, Service } from 'electrodb';
import { PartySpaceType } from '../../contracts/spaces';
import { entityConfig } from '../../shared/dynamodb';

/**
 * A message to a space's members (issue 16, ADR 0028) and its audit. Its sending is the bulk-mail
 * engine's over `bulkTask` / `bulkReceipt` (mail/bulk/stores.ts): one task per shard of the space
 * (its section, its federation, its group; one per federation for the national level). Access
 * patterns ML1–ML4 (docs/ACCESS_PATTERNS.md § Mailings).
 */
export const MailingEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'mailing', version: '1' },
    attributes: {
      mailingId: { type: 'string', required: true },
      spaceType: { type: PartySpaceType.options, required: true },
      spaceId: { type: 'string', required: true },
      /** `spaceKeyOf` of the space: the space's mailings, newest first (ADR 0017). */
      spaceKey: { type: 'string', required: true },
      spaceLabel: { type: 'string', required: true },
      /** A section's federation (for the rules about the officials above it). */
      federationCode: { type: 'string' },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      subject: { type: 'string', required: true },
      text: { type: 'string', required: true },
      eventId: { type: 'string' },
      /** The segment as the contract has it (JSON); absent: the whole space. */
      segment: { type: 'string' },
      replyTo: { type: ['none', 'me'] as const, required: true, default: 'none' },
      /** The author's address when they chose to show it (copied: the mails do not read the author). */
      replyToAddress: { type: 'string' },
      postInSpace: { type: 'boolean', required: true, default: false },
      state: { type: ['draft', 'awaiting-approval', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const, required: true, default: 'draft' },
      sendAt: { type: 'string' },
      /** How many the segment reached when it was sent (the approval rule's figure). */
      reach: { type: 'number' },
      approvedBy: { type: 'string' },
      /** Summed in each page's commit (the engine's counts), once per page. */
      processed: { type: 'number', required: true, default: 0 },
      sent: { type: 'number', required: true, default: 0 },
      failed: { type: 'number', required: true, default: 0 },
      suppressed: { type: 'number', required: true, default: 0 },
      skipped: { type: 'number', required: true, default: 0 },
      /** SES's feedback (mail-feedback job), once per recipient; unsubscribes by the message's links. */
      bounced: { type: 'number', required: true, default: 0 },
      complained: { type: 'number', required: true, default: 0 },
      unsubscribed: { type: 'number', required: true, default: 0 },
      pausedBecause: { type: ['bounces', 'complaints'] as const },
      /** The counts when the sending was last resumed: the breaker judges what was sent since. */
      baseSent: { type: 'number', required: true, default: 0 },
      baseBounced: { type: 'number', required: true, default: 0 },
      baseComplained: { type: 'number', required: true, default: 0 },
      /** When the sending was last resumed: feedback on a mail sent before it joins the base, not the breaker's window. */
      resumedAt: { type: 'string' },
      createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['mailingId'] }, sk: { field: 'sk', composite: [] } },
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'mailingId'] } },
    },
  },
  entityConfig,
);

/** What was done to a mailing and by whom: sent, scheduled, approved, cancelled, paused, resumed. */
export const MailingAuditEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'mailingAudit', version: '1' },
    attributes: {
      mailingId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      action: { type: ['send', 'schedule', 'ask-approval', 'approve', 'cancel', 'pause', 'resume'] as const, required: true },
      by: { type: 'string', required: true },
      /** The reach at that moment, or why it paused. */
      detail: { type: 'string' },
    },
    indexes: { byMailing: { pk: { field: 'pk', composite: ['mailingId'] }, sk: { field: 'sk', composite: ['at', 'action'] } } },
  },
  entityConfig,
);

export const mailingsService = new Service({ mailing: MailingEntity, audit: MailingAuditEntity });
