import { routes } from '@coopol/contracts';
import Link from 'next/link';
import { tc } from '../../i18n';
import { callApi } from '../../lib/api';
import { getSession } from '../../lib/session';
import { Icon } from '../ui/Icon';
import styles from './social.module.css';

/** The bell: a link to the notifications with the unread count (1 GetItem behind it); nothing if it cannot be read. */
export async function NotificationBell({ className }: { className?: string }) {
  const session = await getSession();
  if (!session) return null;
  const unread = await callApi(routes.unreadNotifications, {}, { token: session.idToken }).then((r) => r.unread).catch(() => 0);
  return (
    <Link href="/notifications" className={`${className ?? ''} ${styles.bell}`} aria-label={tc('notifications.bell', unread)} data-unread={unread}>
      <Icon name="bell" size={22} />
      {unread > 0 && (
        <span aria-hidden="true" className={styles.bellCount}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
