import { writtenUnlessRefused } from '../../shared/conditions';
import { BulkReceiptEntity, mailingKey } from '../mail/bulk/stores';
import { MailingEntity } from './entities';

/**
 * A bounce or complaint of a message's mail (SES's event, mail-feedback job), counted on the message
 * once per recipient (its receipt remembers it): what its progress shows and its circuit breaker reads.
 * Feedback arrives late: on a mail sent before the last resume it is counted in the breaker's base
 * too, so that the mails sent before a pause cannot trip the breaker again after it.
 */
export async function countOnMailing(tags: Record<string, string[]> | undefined, feedback: 'bounce' | 'complaint', sentAt?: string): Promise<void> {
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
  if (!first) return;
  const before =
    sentAt !== undefined &&
    (await writtenUnlessRefused(
      MailingEntity.patch({ mailingId })
        .add(feedback === 'bounce' ? { bounced: 1, baseBounced: 1 } : { complained: 1, baseComplained: 1 })
        .where((attr, { gt }) => gt(attr.resumedAt, sentAt))
        .go(),
    ));
  if (!before) await writtenUnlessRefused(MailingEntity.patch({ mailingId }).add(feedback === 'bounce' ? { bounced: 1 } : { complained: 1 }).go());
}
