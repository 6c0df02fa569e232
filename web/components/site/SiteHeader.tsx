import Link from 'next/link';
import { t } from '../../i18n';
import { LogoMark } from './Logo';
import styles from './SiteHeader.module.css';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <Link href="/" className={styles.brand} aria-label={t('site.homeLink')}>
          <LogoMark />
          <span className={styles.wordmark} aria-hidden="true">
            {t('site.name')}
          </span>
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul className={styles.nav}>
            <li>
              <Link href="/" className={styles.navLink}>
                {t('nav.home')}
              </Link>
            </li>
            <li>
              <Link href="/territoires" className={styles.navLink}>
                {t('nav.territories')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
