import { createHash } from 'node:crypto';
import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { isConditionFailure } from '../../shared/conditions';

/**
 * Addresses Coopol must not write to: after a permanent bounce or a complaint, nothing at all;
 * after an unsubscribe, no bulk mail (launch mails, announcements) — mails someone asks for (a
 * confirmation link, a code) still go. Access pattern MS1 (docs/ACCESS_PATTERNS.md).
 */
export const SuppressionEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'mailSuppression', version: '1' },
    attributes: {
      email: { type: 'string', required: true },
      reason: { type: ['bounce', 'complaint', 'unsubscribe'] as const, required: true },
      /** `all`: no mail at all; `bulk`: no bulk mail. */
      scope: { type: ['all', 'bulk'] as const, required: true },
      at: { type: 'string', required: true },
    },
    indexes: { byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);

export type SuppressionReason = 'bounce' | 'complaint' | 'unsubscribe';

/**
 * The suppression of an erased person's address is kept, as this hash in place of the address
 * (ADR 0024): Coopol still never writes to it, and the list no longer says who it was.
 */
export const hashedAddress = (email: string) => `sha256:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;

/** Records a suppression; an address already suppressed from everything stays so. */
export async function suppress(email: string, reason: SuppressionReason): Promise<void> {
  const scope = reason === 'unsubscribe' ? 'bulk' : 'all';
  const at = new Date().toISOString();
  const put = SuppressionEntity.put({ email: email.toLowerCase(), reason, scope, at });
  if (scope === 'all') {
    await put.go();
    return;
  }
  await put
    .where((attr, { notExists, eq }) => `${notExists(attr.scope)} OR ${eq(attr.scope, 'bulk')}`)
    .go()
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** Which of these addresses must not get a mail of this kind, as themselves or hashed (one BatchGetItem per 50). */
export async function suppressedAmong(emails: string[], kind: 'bulk' | 'transactional'): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const addressOf = new Map(emails.flatMap((email) => [[email, email], [hashedAddress(email), email]]));
  const { data, unprocessed } = await SuppressionEntity.get([...addressOf.keys()].map((email) => ({ email }))).go({ preserveBatchOrder: false });
  if (unprocessed.length) throw new Error(`suppression lookup left ${unprocessed.length} keys unprocessed`);
  return new Set(data.filter((s) => s && (s.scope === 'all' || kind === 'bulk')).map((s) => addressOf.get(s!.email)!));
}
