import Link from 'next/link';
import { signOut } from '../../app/connexion/actions';
import { mailingsHref } from '../../app/messages-aux-membres/hrefs';
import { t, type TextKey } from '../../i18n';
import { rolloutLinks, signedInName } from '../../lib/session';
import { MessagesLink } from '../messaging/MessagesLink';
import { NotificationBell } from '../social/NotificationBell';
import { Icon, type IconName } from '../ui/Icon';
import { LogoMark } from './Logo';
import { NavLink } from './NavLink';
import { UserMenu } from './UserMenu';
import styles from './SiteHeader.module.css';

/** The main destinations of a signed-in person, the same at every width. */
const destinations: { href: string; icon: IconName; label: TextKey }[] = [
  { href: '/', icon: 'home', label: 'nav.feed' },
  { href: '/ma-section', icon: 'users', label: 'nav.mySection' },
  { href: '/agenda', icon: 'calendar', label: 'nav.agendaShort' },
  { href: '/groupes', icon: 'network', label: 'nav.groups' },
  { href: '/recherche', icon: 'search', label: 'nav.search' },
];

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
          {name === null ? (
            <nav aria-label={t('nav.label')}>
              <ul className={styles.nav}>
                <li className={styles.wideOnly}>
                  <NavLink href="/territoires" className={styles.navLink}>
                    {t('nav.territories')}
                  </NavLink>
                </li>
                <li className={styles.wideOnly}>
                  <NavLink href="/trouver-ma-section" className={styles.navLink}>
                    {t('home.ctaFind')}
                  </NavLink>
                </li>
              </ul>
            </nav>
          ) : (
            // Wide screens: in the bar; phones: a bar fixed at the bottom of the screen (Fil · Ma section ·
            // Agenda · Groupes · Recherche · Alertes), each destination one tap away. « Messages » and « Aide »
            // stay in the top bar at every width, beside the account menu.
            <nav aria-label={t('nav.label')} className={styles.phoneNav} data-phone-nav="">
              <ul className={styles.nav}>
                {destinations.map((d) => (
                  <li key={d.href}>
                    <NavLink href={d.href} className={styles.navLink}>
                      <Icon name={d.icon} size={22} />
                      <span className={styles.navLabel}>{t(d.label)}</span>
                    </NavLink>
                  </li>
                ))}
                <li>
                  <NotificationBell className={styles.navLink} labelClassName={styles.navLabel} />
                </li>
              </ul>
            </nav>
          )}
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
            <>
              <MessagesLink className={`${styles.navLink} ${styles.help}`} />
              <NavLink href="/aide" className={`${styles.navLink} ${styles.help}`}>
                <Icon name="help" size={22} />
                <span className={styles.helpLabel}>{t('nav.help')}</span>
              </NavLink>
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
                    <Link href="/territoires" className={styles.menuItem}>
                      <Icon name="map" size={20} />
                      {t('nav.territories')}
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
                      <Link href={mailingsHref('national', 'national')} className={styles.menuItem}>
                        <Icon name="megaphone" size={20} />
                        {t('nav.mailings')}
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
                    <form action={signOut}>
                      <button type="submit" className={styles.menuItem}>
                        <Icon name="logOut" size={20} />
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </ul>
              </UserMenu>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
