import { isConditionFailure } from '../../shared/conditions';
import { BulkReceiptEntity, mailingKey } from '../mail/bulk/stores';
import { MailingEntity } from './entities';

/**
 * A bounce or complaint of a message's mail (SES's event, mail-feedback job), counted on the message
 * once per recipient (its receipt remembers it): what its progress shows and its circuit breaker reads.
 */
export async function countOnMailing(tags: Record<string, string[]> | undefined, feedback: 'bounce' | 'complaint'): Promise<void> {
  const mailingId = tags?.message?.[0];
  const recipient = tags?.recipient?.[0];
  if (!mailingId || !recipient) return;
  const first = await BulkReceiptEntity.patch({ mailing: mailingKey({ kind: 'message', id: mailingId }), recipient })
    .set({ feedback })
    .where((attr, { notExists }) => notExists(attr.feedback))
    .go()
    .then(() => true)
    .catch((error: Error) => {
      if (isConditionFailure(error)) return false;
      throw error;
    });
  if (first) await MailingEntity.patch({ mailingId }).add(feedback === 'bounce' ? { bounced: 1 } : { complained: 1 }).go().catch((error: Error) => {
    if (!isConditionFailure(error)) throw error; // a test mailing of the engine has no message item
  });
}
