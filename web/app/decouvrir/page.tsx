import { routes, type Region } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LazyPostalCodeFinder } from '../../components/territory/LazyPostalCodeFinder';
// The lazily loaded finder's stylesheet, with the page's: styled as the server draws it, and no class map in a script.
import '../../components/territory/PostalCodeFinder.module.css';
import { RegionGrid } from '../../components/territory/RegionGrid';
import { Icon, type IconName } from '../../components/ui/Icon';
import { t, type TextKey } from '../../i18n';
import { callApi } from '../../lib/api';
import { getSession } from '../../lib/session';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { absolute: t('site.titleDefault') },
};

const features: { icon: IconName; title: TextKey; text: TextKey }[] = [
  { icon: 'users', title: 'home.feature.sections.title', text: 'home.feature.sections.text' },
  { icon: 'network', title: 'home.feature.groups.title', text: 'home.feature.groups.text' },
  { icon: 'calendar', title: 'home.feature.agenda.title', text: 'home.feature.agenda.text' },
  { icon: 'door', title: 'home.feature.field.title', text: 'home.feature.field.text' },
  { icon: 'chart', title: 'home.feature.reports.title', text: 'home.feature.reports.text' },
  { icon: 'flag', title: 'home.feature.waves.title', text: 'home.feature.waves.text' },
];

const levels: { icon: IconName; title: TextKey; text: TextKey }[] = [
  { icon: 'star', title: 'home.level.national.title', text: 'home.level.national.text' },
  { icon: 'map', title: 'home.level.region.title', text: 'home.level.region.text' },
  { icon: 'landmark', title: 'home.level.federation.title', text: 'home.level.federation.text' },
  { icon: 'users', title: 'home.level.section.title', text: 'home.level.section.text' },
];

/**
 * What Coopol is, for a visitor: « Créer un compte » and « Trouver ma section ». The home address
 * shows it to anyone without a session (`proxy.ts` rewrites `/` here, so the address stays `/`): a
 * page of its own, so that neither the visitor's first load carries the feed's scripts nor the
 * member's the landing's (ADR 0026). Someone signed in is sent to their home.
 */
export default async function LandingPage() {
  if (await getSession()) redirect('/');
  const { items: regions } = await callApi(routes.listRegions, {});
  return <Landing regions={regions.filter((region) => region.zone === 'metro')} />;
}

function Landing({ regions: metroRegions }: { regions: Region[] }) {
  return (
    <>
      <section className={styles.hero} aria-labelledby="home-title">
        <svg className={styles.heroArt} viewBox="0 0 600 420" aria-hidden="true" focusable="false">
          <g fill="none" stroke="currentColor" strokeWidth="1.5">
            <path d="M60 340 180 250 320 300 450 170 560 220" />
            <path d="M180 250 230 120 380 90 450 170" />
            <path d="M320 300 380 90" />
          </g>
          <g fill="currentColor">
            <circle cx="60" cy="340" r="7" />
            <circle cx="180" cy="250" r="10" />
            <circle cx="320" cy="300" r="8" />
            <circle cx="450" cy="170" r="12" />
            <circle cx="560" cy="220" r="6" />
            <circle cx="230" cy="120" r="7" />
            <circle cx="380" cy="90" r="9" />
          </g>
        </svg>
        <div className={`container ${styles.heroGrid}`}>
          <div className={styles.heroText}>
            <p className={styles.eyebrow}>{t('home.eyebrow')}</p>
            <h1 id="home-title">{t('home.heading')}</h1>
            <p className={styles.heroLead}>{t('home.lead')}</p>
            <div className={styles.actions}>
              <Link href="/inscription" className="button button-primary">
                {t('nav.signUp')}
              </Link>
              <a href="#trouver-ma-section" className="button button-secondary">
                <Icon name="mapPin" size={20} />
                {t('home.ctaFind')}
              </a>
              <Link href="/territoires" className="button button-secondary">
                {t('home.ctaBrowse')}
                <Icon name="arrowRight" size={20} />
              </Link>
            </div>
            <p className={styles.preregister}>
              <Icon name="megaphone" size={22} />
              <span>
                <strong>{t('home.preregisterHeading')}</strong> {t('home.preregisterText')}{' '}
                <Link href="/preinscription">{t('home.preregisterLink')}</Link>
              </span>
            </p>
          </div>
          <div id="trouver-ma-section" className={`card ${styles.finderCard}`}>
            <div className={styles.finderHead}>
              <span className={styles.finderIcon}>
                <Icon name="mapPin" size={26} />
              </span>
              <div>
                <h2 className={styles.finderTitle}>{t('finder.heading')}</h2>
                <p className={styles.finderIntro}>{t('finder.intro')}</p>
              </div>
            </div>
            <LazyPostalCodeFinder endpoint={routes.findPlace.path} />
          </div>
        </div>
      </section>

      <section className="section-block" aria-labelledby="features-title">
        <div className="container">
          <div className="section-intro">
            <h2 id="features-title">{t('home.featuresHeading')}</h2>
            <p>{t('home.featuresIntro')}</p>
          </div>
          <ul className={styles.features}>
            {features.map((feature) => (
              <li key={feature.title} className={styles.feature}>
                <span className={styles.featureIcon}>
                  <Icon name={feature.icon} size={26} />
                </span>
                <h3>{t(feature.title)}</h3>
                <p>{t(feature.text)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className={`section-block ${styles.levelsBlock}`} aria-labelledby="levels-title">
        <div className="container">
          <div className="section-intro">
            <h2 id="levels-title">{t('home.levelsHeading')}</h2>
            <p>{t('home.levelsIntro')}</p>
          </div>
          <ol className={styles.levels}>
            {levels.map((level) => (
              <li key={level.title} className={styles.level}>
                <span className={styles.levelIcon}>
                  <Icon name={level.icon} size={24} />
                </span>
                <h3>{t(level.title)}</h3>
                <p>{t(level.text)}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="section-block" aria-labelledby="regions-title">
        <div className="container">
          <div className={styles.regionsHead}>
            <div className="section-intro">
              <h2 id="regions-title">{t('home.regionsHeading')}</h2>
              <p>{t('home.regionsIntro')}</p>
            </div>
            <Link href="/territoires" className="button button-secondary">
              {t('home.regionsAll')}
              <Icon name="arrowRight" size={20} />
            </Link>
          </div>
          <RegionGrid regions={metroRegions} compact />
        </div>
      </section>
    </>
  );
}
