import { formatParisDateTimeShort, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../components/social/social.module.css';
import { t } from '../../i18n';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { markAllRead } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('notifications.title') };


/** What the bell counts: new comments on followed posts, friend and group requests, invitations. */
export default async function NotificationsPage() {
  const session = await requireSession('/notifications');
  const page = await callAsSignedIn(session, '/notifications', routes.listNotifications, { query: { limit: 50 } });
  return (
    <div className={`container section-block ${styles.stack}`}>
      <h1>{t('notifications.title')}</h1>
      <p>
        <Link href="/notifications/preferences">{t('notifications.preferences')}</Link>
      </p>
      {page.items.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <ul className={styles.groupList}>
          {page.items.map((n) => (
            <li key={n.id} className={`${styles.groupItem} ${n.read ? '' : styles.unread}`}>
              <Link href={n.path}>{n.text}</Link> · <time dateTime={n.at}>{formatParisDateTimeShort(n.at)}</time>
              {!n.read && <span> · {t('notifications.unread')}</span>}
            </li>
          ))}
        </ul>
      )}
      {page.unread > 0 && (
        <form action={markAllRead}>
          <button type="submit" className="button button-secondary">{t('notifications.markRead')}</button>
        </form>
      )}
    </div>
  );
}
