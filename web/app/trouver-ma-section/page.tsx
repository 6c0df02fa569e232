import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { PostalCodeFinder } from '../../components/territory/PostalCodeFinder';
import { lookUpPostalCode, normalizePostalCode } from '../../components/territory/postal-code';
import { t } from '../../i18n';
import { callApi } from '../../lib/api';
import { param, type SearchParams } from '../../lib/search-params';
import { signedInName } from '../../lib/session';
import { EventList } from '../evenements/EventList';
import styles from '../evenements/events.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('finderPage.title') };

/**
 * « Trouver ma section »: a postal code gives the section(s) of its communes, whether Coopol is open
 * there (« Créer un compte » or « Me pré-inscrire »), and the next public events nearby — for
 * visitors and supporters alike. `?cp=` is answered here, so the form works without JavaScript.
 */
export default async function FindMySectionPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = param(await searchParams, 'cp');
  const code = raw === undefined ? undefined : normalizePostalCode(raw);
  const [outcome, near, signedIn] = await Promise.all([
    code === undefined ? undefined : lookUpPostalCode(code, (postalCode) => callApi(routes.findPlace, { params: { postalCode } })),
    code !== undefined && /^\d{5}$/.test(code)
      ? callApi(routes.listPublicEventsNear, { params: { postalCode: code }, query: { limit: 10 } }).catch(() => null)
      : null,
    signedInName().then((name) => name !== null),
  ]);
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <h1>{t('finderPage.title')}</h1>
        <p className={styles.muted}>{t('finderPage.intro')}</p>
      </header>
      <div className={styles.columns}>
        <section className={`card ${styles.card}`} aria-label={t('finderPage.title')}>
          <PostalCodeFinder endpoint={routes.findPlace.path} initialCode={code} initial={outcome} signedIn={signedIn} />
        </section>
        {near && (
          <section id="evenements" className={`card ${styles.card}`} aria-labelledby="near-title">
            <h2 id="near-title">{t('actions.nearHeading')}</h2>
            <EventList events={near.items} empty={t('actions.nearEmpty')} />
          </section>
        )}
      </div>
    </div>
  );
}
