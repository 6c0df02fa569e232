import { t, tc, type TextKey } from '../../i18n';
import { numberFormat } from '../../i18n/translate';
import styles from './rollout.module.css';
import type { WaveProgress } from './types';

/** The counts of one bulk sending (a wave's launch mails, a message to a space's members); `skipped`: those who unsubscribed from it before. */
export type Progress = Pick<WaveProgress, 'recipients' | 'toSend' | 'sent' | 'failed' | 'suppressed' | 'bounced' | 'complained' | 'unsubscribed'> & { skipped?: number };

/** The bar's parts: every recipient is in exactly one of them. */
const parts: { key: 'sent' | 'failed' | 'suppressed' | 'skipped' | 'toSend'; className: string }[] = [
  { key: 'sent', className: styles.partSent! },
  { key: 'failed', className: styles.partFailed! },
  { key: 'suppressed', className: styles.partSuppressed! },
  { key: 'skipped', className: styles.partSuppressed! },
  { key: 'toSend', className: styles.partToSend! },
];

const legend: { key: keyof Progress; label: TextKey; swatch?: string }[] = [
  { key: 'toSend', label: 'waves.progress.toSend', swatch: styles.partToSend },
  { key: 'sent', label: 'waves.progress.sent', swatch: styles.partSent },
  { key: 'failed', label: 'waves.progress.failed', swatch: styles.partFailed },
  { key: 'suppressed', label: 'waves.progress.suppressed', swatch: styles.partSuppressed },
  { key: 'skipped', label: 'waves.progress.skipped', swatch: styles.partSuppressed },
  { key: 'bounced', label: 'waves.progress.bounced' },
  { key: 'complained', label: 'waves.progress.complained' },
  { key: 'unsubscribed', label: 'waves.progress.unsubscribed' },
];

/** « 1 envoyé sur 1 destinataire »: the wave's progress in a few words. */
export function progressSummary(progress: Progress): string {
  return `${tc('waves.sentCount', progress.sent)} ${tc('waves.ofRecipients', progress.recipients)}`;
}

/**
 * A bulk sending (a wave's launch mails, a message to members): a bar (sent, failed, set aside,
 * still to send) and every count in words; bounces, complaints and unsubscriptions come after
 * sending, among the sent. `skipped` shows only for a sending that has it.
 */
export function WaveProgress({ progress }: { progress: Progress }) {
  const whole = Math.max(1, progress.sent + progress.failed + progress.suppressed + (progress.skipped ?? 0) + progress.toSend);
  return (
    <div className={styles.progress}>
      <p className={styles.progressSummary} aria-live="polite">
        {progressSummary(progress)}
      </p>
      <div className={styles.progressBar} aria-hidden="true">
        {parts.map((part) =>
          (progress[part.key] ?? 0) > 0 ? <span key={part.key} className={part.className} style={{ width: `${((progress[part.key] ?? 0) / whole) * 100}%` }} /> : null,
        )}
      </div>
      <dl className={styles.progressLegend}>
        {legend.filter((item) => progress[item.key] !== undefined).map((item) => (
          <div key={item.key}>
            <dt>
              {item.swatch ? <span className={`${styles.swatch} ${item.swatch}`} aria-hidden="true" /> : <span className={styles.swatchNone} aria-hidden="true" />}
              {t(item.label)}
            </dt>
            <dd>{numberFormat.format(progress[item.key] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
