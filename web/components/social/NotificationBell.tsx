import { routes } from '@coopol/contracts';
import { t } from '../../i18n';
import { callApi } from '../../lib/api';
import { getSession } from '../../lib/session';
import { UserMenu } from '../site/UserMenu';
import { IconSvg } from '../ui/IconSvg';
import { LiveCount } from '../ui/LiveCount';
import { bell as bellShape } from '../ui/shapes/bell';
import { LazyBellList } from './BellMenu';
import styles from './bell.module.css';

/**
 * The bell: its unread count (1 GetItem behind it, kept live by `LiveCount`) and,
 * opened, the latest notifications — a disclosure, so without JavaScript it still leads to them all.
 * Nothing if it cannot be read.
 */
export async function NotificationBell({ className, labelClassName }: { className?: string; labelClassName?: string }) {
  const session = await getSession();
  if (!session) return null;
  const unread = await callApi(routes.unreadNotifications, {}, { token: session.idToken }).then((r) => r.unread).catch(() => 0);
  return (
    <UserMenu
      className={styles.bellMenu}
      summaryClassName={`${className ?? ''} ${styles.bell}`}
      summary={
        <>
          <LiveCount of="notifications" initial={unread} className={styles.bellIcon} countClassName={styles.bellCount}>
            <IconSvg size={22}>{bellShape}</IconSvg>
          </LiveCount>
          {/* The word under the icon, as the other destinations have; the count's hidden label starts with it. */}
          <span className={labelClassName} aria-hidden="true">
            {t('nav.alerts')}
          </span>
        </>
      }
    >
      <div className={styles.bellPanel}>
        <p className={styles.bellTitle}>{t('bell.latest')}</p>
        <LazyBellList loading={<p>{t('bell.loading')}</p>} />
        <a href="/notifications" className={styles.bellAll}>
          {t('bell.all')}
        </a>
      </div>
    </UserMenu>
  );
}
