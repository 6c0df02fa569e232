import { writtenUnlessRefused } from '../../shared/conditions';
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
  const first = await writtenUnlessRefused(
    BulkReceiptEntity.patch({ mailing: mailingKey({ kind: 'message', id: mailingId }), recipient })
      .set({ feedback })
      .where((attr, { notExists }) => notExists(attr.feedback))
      .go(),
  );
  // A mailing of the engine's own test has no message item: nothing to count on.
  if (first) await writtenUnlessRefused(MailingEntity.patch({ mailingId }).add(feedback === 'bounce' ? { bounced: 1 } : { complained: 1 }).go());
}
