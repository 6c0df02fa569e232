import type { Progress } from '../../components/rollout/WaveProgress';
import type { Mailing } from './space';

/**
 * A message's sending as the progress bar shows it: out of the reach counted when it left (or of
 * those processed, if more people joined the space since), what is left to send.
 */
export function progressOf(m: Mailing): Progress {
  const p = m.progress;
  // Once sent, exactly those processed (some may have left the space since it was counted).
  const recipients = m.state === 'sent' ? p.processed : Math.max(m.reach ?? 0, p.processed);
  return {
    recipients,
    toSend: recipients - p.processed,
    sent: p.sent,
    failed: p.failed,
    suppressed: p.suppressed,
    skipped: p.skipped,
    bounced: p.bounced,
    complained: p.complained,
    unsubscribed: p.unsubscribed,
  };
}
