import Link from 'next/link';
import { t } from '../../i18n';
import { Icon } from '../ui/Icon';
import { LogoMark } from './Logo';
import styles from './SiteFooter.module.css';

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.grid}`}>
        <div className={styles.about}>
          <p className={styles.brand}>
            <LogoMark size={32} />
            <span>{t('site.name')}</span>
          </p>
          <p>{t('footer.about')}</p>
        </div>
        <nav aria-labelledby="footer-explore">
          <h2 id="footer-explore" className={styles.heading}>
            {t('footer.explore')}
          </h2>
          <ul className={styles.links}>
            <li>
              <Link href="/">{t('nav.home')}</Link>
            </li>
            <li>
              <Link href="/territoires">{t('nav.territories')}</Link>
            </li>
            <li>
              <Link href="/federations/99">{t('footer.abroad')}</Link>
            </li>
            <li>
              <Link href="/aide">{t('footer.help')}</Link>
            </li>
          </ul>
        </nav>
        <div>
          <h2 className={styles.heading}>{t('footer.data')}</h2>
          <p className={styles.small}>{t('footer.geoData')}</p>
          <p>
            {/* Served by the API, not by Next: a plain link, not a client-side navigation. */}
            <a href="/api/openapi.json" className={styles.apiLink}>
              <Icon name="code" size={18} />
              {t('footer.apiDocs')}
            </a>
          </p>
        </div>
      </div>
    </footer>
  );
}
