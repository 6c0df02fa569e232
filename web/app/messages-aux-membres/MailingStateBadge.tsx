import rollout from '../../components/rollout/rollout.module.css';
import { t } from '../../i18n';
import type { Mailing } from './space';
import styles from './mailings.module.css';

/** The colour of each state, with the waves' badges where the meaning is the same. */
const looks: Record<Mailing['state'], string | undefined> = {
  draft: undefined,
  'awaiting-approval': rollout['badge-scheduled'],
  scheduled: rollout['badge-scheduled'],
  sending: rollout['badge-sending'],
  paused: styles.badgePaused,
  sent: rollout['badge-done'],
  cancelled: styles.badgeCancelled,
};

/** A message's state as a chip: each state its colour, and always its word. */
export function MailingStateBadge({ state }: { state: Mailing['state'] }) {
  return <span className={`${rollout.badge} ${looks[state] ?? ''}`}>{t(`mailings.state.${state}`)}</span>;
}
