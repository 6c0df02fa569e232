import { Entity } from 'electrodb';
import * as z from 'zod';
import { readConfig } from '../../shared/config';
import { documentClient, tableName } from '../../shared/dynamodb';

/**
 * Bulk mails sent exactly once in practice (the bulk-mail engine, ADR 0016): a wave's launch mails,
 * an event's announcements, messages to a space's members. Each is tagged with its mailing and its recipient; SES's `Send` event for it comes
 * back to the mail-feedback job, which records an acceptance here. A sender that finds a claim whose
 * lease ran out asks these: accepted → sent; not accepted → send again.
 */

const config = readConfig({
  /**
   * How long a tracked mail stays claimed by its sender before another may settle it: long enough
   * for SES's `Send` event to arrive. Shorter locally, where the event comes within the second.
   */
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
});
export const mailLeaseSeconds = config.MAIL_LEASE_SECONDS;

/** The mailings whose mails are tracked: the tag that names one, and its id (a wave, an event, a message to a space's members). */
export type Mailing = { kind: 'wave' | 'announcement' | 'message'; id: string };
const mailingKinds = ['wave', 'announcement', 'message'] as const;

/** The key of a mailing in the table. */
const mailingKey = (mailing: Mailing) => `${mailing.kind}-${mailing.id}`;

/**
 * SES's word that it accepted a tracked mail (its `Send` event): what settles a claim left by a
 * sender that died mid-send. One partition per recipient and mailing (no hot key); kept 30 days.
 */
export const MailAcceptedEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'mailAccepted', version: '1' },
    attributes: {
      /** `wave-<waveId>`, `announcement-<eventId>`, `message-<id>`. */
      mailing: { type: 'string', required: true },
      recipient: { type: 'string', required: true },
      messageId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byRecipient: { pk: { field: 'pk', composite: ['mailing', 'recipient'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  { table: tableName, client: documentClient },
);

/** The SES tags of a tracked mail (letters, digits, `_` and `-` only: ids and recipients must be so). */
export const acceptanceTags = (mailing: Mailing, recipient: string): Record<string, string> => ({ [mailing.kind]: mailing.id, recipient });

/** The mailing and recipient a mail's SES tags name, if it is a tracked mail. */
export function trackedBy(tags: Record<string, string[]> | undefined): { mailing: Mailing; recipient: string } | undefined {
  const recipient = tags?.recipient?.[0];
  const kind = mailingKinds.find((k) => tags?.[k]?.[0]);
  if (!recipient || !kind) return undefined;
  return { mailing: { kind, id: tags![kind]![0]! }, recipient };
}

const DAY = 24 * 3600;

/** Records SES's acceptances of tracked mails (idempotent: a redelivered event writes the same item). */
export async function recordAcceptances(accepted: { mailing: Mailing; recipient: string; messageId: string }[]): Promise<void> {
  if (!accepted.length) return;
  const expiresAt = Math.floor(Date.now() / 1000) + 30 * DAY;
  // A mail sent twice (a claim whose lease ran out before SES's event came) has two events: one item each key, or the batch is refused whole.
  const items = new Map(accepted.map((a) => [`${mailingKey(a.mailing)} ${a.recipient}`, { mailing: mailingKey(a.mailing), recipient: a.recipient, messageId: a.messageId, expiresAt }]));
  const { unprocessed } = await MailAcceptedEntity.put([...items.values()]).go();
  if (unprocessed.length) throw new Error(`${unprocessed.length} acceptances left unprocessed`);
}

/** SES's message ids of the mailing's mails it accepted, by recipient, in the order asked (one consistent BatchGet). */
export async function acceptedAmong(mailing: Mailing, recipients: string[]): Promise<(string | undefined)[]> {
  if (!recipients.length) return [];
  const keys = recipients.map((recipient) => ({ mailing: mailingKey(mailing), recipient }));
  const { data, unprocessed } = await MailAcceptedEntity.get(keys).go({ preserveBatchOrder: true, consistent: true });
  if (unprocessed.length) throw new Error(`${unprocessed.length} keys left unprocessed`);
  return data.map((a) => a?.messageId);
}
