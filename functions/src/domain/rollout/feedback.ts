import { recordAcceptances, trackedBy } from '../mail/acceptance';
import { suppress } from '../mail/suppression';
import { countOnMailing } from '../mailings/feedback';
import { DeliveryEntity, WaveEntity } from './entities';
import { writtenUnlessRefused } from '../../shared/conditions';

/** What SES publishes for a mail of the configuration set (event publishing format). */
export interface SesMailEvent {
  eventType: string;
  mail: { messageId: string; timestamp?: string; destination: string[]; tags?: Record<string, string[]> };
  bounce?: { bounceType: string; bouncedRecipients: { emailAddress: string }[] };
  complaint?: { complainedRecipients: { emailAddress: string }[] };
}

/** Counts a bounce or complaint on the wave that sent the mail, once (a redelivered event changes nothing). */
async function countOnWave(event: SesMailEvent, feedback: 'bounce' | 'complaint'): Promise<void> {
  const waveId = event.mail.tags?.wave?.[0];
  const recipient = event.mail.tags?.recipient?.[0];
  if (!waveId || !recipient) return;
  const first = await writtenUnlessRefused(
    DeliveryEntity.patch({ waveId, recipient })
      .set({ feedback })
      .where((attr, { notExists }) => notExists(attr.feedback))
      .go(),
  );
  if (first) await WaveEntity.patch({ waveId }).add(feedback === 'bounce' ? { bounced: 1 } : { complained: 1 }).go();
}

/**
 * SES's events, as the mail-feedback job receives them: a `Send` settles a tracked mail (a launch
 * mail, ADR 0009; an event's announcement, ADR 0013); a permanent bounce or a complaint suppresses
 * the address from every later mail and is counted on its wave or its message. Idempotent.
 */
export async function recordMailFeedback(events: SesMailEvent[]): Promise<void> {
  await recordAcceptances(
    events.flatMap((e) => {
      const tracked = e.eventType === 'Send' ? trackedBy(e.mail.tags) : undefined;
      return tracked ? [{ ...tracked, messageId: e.mail.messageId }] : [];
    }),
  );
  for (const event of events) {
    if (event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
      await Promise.all(event.bounce.bouncedRecipients.map((r) => suppress(r.emailAddress, 'bounce')));
      await countOnWave(event, 'bounce');
      await countOnMailing(event.mail.tags, 'bounce', event.mail.timestamp);
    } else if (event.eventType === 'Complaint' && event.complaint) {
      await Promise.all(event.complaint.complainedRecipients.map((r) => suppress(r.emailAddress, 'complaint')));
      await countOnWave(event, 'complaint');
      await countOnMailing(event.mail.tags, 'complaint', event.mail.timestamp);
    }
  }
}
