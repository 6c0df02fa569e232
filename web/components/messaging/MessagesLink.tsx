import { routes } from '@coopol/contracts';
import { callApi } from '../../lib/api';
import { getSession } from '../../lib/session';
import { NavLink } from '../site/NavLink';
import { IconSvg } from '../ui/IconSvg';
import { LiveCount } from '../ui/LiveCount';
import { message as messageShape } from '../ui/shapes/message';
import styles from './messages-link.module.css';

/**
 * « Messages » in the top bar, at every width (beside « Aide », as the phone's bottom bar is full):
 * its icon and the unread total of the inbox (1 GetItem), kept live by `LiveCount`, whose hidden
 * text names the link (« Messages : 2 non lus »); no word beside it, the desktop bar being full. Nothing if signed out.
 */
export async function MessagesLink({ className }: { className?: string }) {
  const session = await getSession();
  if (!session) return null;
  const total = await callApi(routes.unreadTotal, {}, { token: session.idToken }).then((r) => r.total).catch(() => 0);
  return (
    <NavLink href="/messages" className={className}>
      <LiveCount of="messages" initial={total} className={styles.icon} countClassName={styles.count}>
        <IconSvg size={22}>{messageShape}</IconSvg>
      </LiveCount>
    </NavLink>
  );
}
