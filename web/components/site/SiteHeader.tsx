import Link from 'next/link';
import { signOut } from '../../app/connexion/actions';
import { t } from '../../i18n';
import { rolloutLinks, signedInName } from '../../lib/session';
import { NotificationBell } from '../social/NotificationBell';
import { Icon } from '../ui/Icon';
import { LogoMark } from './Logo';
import { UserMenu } from './UserMenu';
import styles from './SiteHeader.module.css';

export async function SiteHeader() {
  const name = await signedInName();
  const rollout = name === null ? null : await rolloutLinks();

  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <Link href="/" className={styles.brand} aria-label={t('site.homeLink')}>
          <LogoMark />
          <span className={styles.wordmark} aria-hidden="true">
            {t('site.name')}
          </span>
        </Link>
        <div className={styles.end}>
          <nav aria-label={t('nav.label')}>
            <ul className={styles.nav}>
              <li className={styles.home}>
                <Link href="/" className={styles.navLink}>
                  {t('nav.home')}
                </Link>
              </li>
              <li>
                <Link href="/territoires" className={styles.navLink}>
                  {t('nav.territories')}
                </Link>
              </li>
              {name !== null && (
                <li className={styles.wideOnly}>
                  <Link href="/groupes" className={styles.navLink}>
                    {t('nav.groups')}
                  </Link>
                </li>
              )}
              {name !== null && (
                <li className={styles.wideOnly}>
                  <Link href="/recherche" className={styles.navLink}>
                    {t('nav.search')}
                  </Link>
                </li>
              )}
              {name !== null && (
                <li>
                  <NotificationBell className={styles.navLink} />
                </li>
              )}
              {rollout && (
                <li className={styles.wideOnly}>
                  <Link href="/deploiement" className={styles.navLink}>
                    {t('nav.rollout')}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          {name === null ? (
            <div className={styles.account}>
              <Link href="/connexion" className={styles.navLink}>
                {t('nav.signIn')}
              </Link>
              <Link href="/inscription" className={`button button-primary ${styles.cta}`}>
                {t('nav.signUp')}
              </Link>
            </div>
          ) : (
            <UserMenu
              className={styles.menu}
              summaryClassName={styles.menuButton}
              summary={
                <>
                  <Icon name="user" size={20} />
                  <span className={styles.menuName}>{name || t('nav.account')}</span>
                  <span className="visually-hidden">{t('nav.accountMenu')}</span>
                  <Icon name="chevronDown" size={18} />
                </>
              }
            >
              <ul className={styles.menuList}>
                <li>
                  <Link href="/profil" className={styles.menuItem}>
                    <Icon name="user" size={20} />
                    {t('nav.myProfile')}
                  </Link>
                </li>
                <li>
                  <Link href="/groupes" className={styles.menuItem}>
                    <Icon name="network" size={20} />
                    {t('nav.groups')}
                  </Link>
                </li>
                <li>
                  <Link href="/coopains" className={styles.menuItem}>
                    <Icon name="users" size={20} />
                    {t('friends.title')}
                  </Link>
                </li>
                {rollout && (
                  <li>
                    <Link href="/deploiement" className={styles.menuItem}>
                      <Icon name="chart" size={20} />
                      {t('nav.rollout')}
                    </Link>
                  </li>
                )}
                {rollout === 'national' && (
                  <li>
                    <Link href="/admin/vagues" className={styles.menuItem}>
                      <Icon name="flag" size={20} />
                      {t('nav.waves')}
                    </Link>
                  </li>
                )}
                {rollout === 'national' && (
                  <li>
                    <Link href="/moderation/remontees" className={styles.menuItem}>
                      <Icon name="eye" size={20} />
                      {t('nav.escalations')}
                    </Link>
                  </li>
                )}
                <li>
                  <Link href="/agenda" className={styles.menuItem}>
                    <Icon name="calendar" size={20} />
                    {t('nav.agenda')}
                  </Link>
                </li>
                <li>
                  <form action={signOut}>
                    <button type="submit" className={styles.menuItem}>
                      <Icon name="logOut" size={20} />
                      {t('nav.signOut')}
                    </button>
                  </form>
                </li>
              </ul>
            </UserMenu>
          )}
        </div>
      </div>
    </header>
  );
}
