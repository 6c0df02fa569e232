import { t, type TextKey } from '../../i18n';
import styles from './rollout.module.css';
import type { WaveStatus } from './types';

const labels: Record<WaveStatus, TextKey> = {
  draft: 'waves.status.draft',
  scheduled: 'waves.status.scheduled',
  sending: 'waves.status.sending',
  done: 'waves.status.done',
};

export function waveStatusLabel(status: WaveStatus): string {
  return t(labels[status]);
}

/** A wave's state as a chip: each state its colour, and always its word. */
export function WaveStatusBadge({ status }: { status: WaveStatus }) {
  return <span className={`${styles.badge} ${styles[`badge-${status}`] ?? ''}`}>{waveStatusLabel(status)}</span>;
}
