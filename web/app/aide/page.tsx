import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { HelpSearch } from '../../components/help/HelpSearch';
import styles from '../../components/help/help.module.css';
import { guidesFor, helpIndex } from '../../help/topics';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { callAsSignedIn, getSession } from '../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('help.title') };

/** The help centre: every task page, searchable; a guide for the person's role when they have one. */
export default async function HelpPage({ searchParams }: { searchParams: SearchParams }) {
  const query = param(await searchParams, 'q') ?? '';
  const session = await getSession();
  const profile = session ? await callAsSignedIn(session, '/aide', routes.getMyProfile, {}) : null;
  const hasGuide = profile ? guidesFor(profile.roles).length > 0 : false;
  return (
    <div className={`container section-block ${styles.page}`}>
      <div className="section-intro">
        <h1>{t('help.heading')}</h1>
        <p>{t('help.lead')}</p>
      </div>
      {hasGuide && (
        <aside className={styles.guide} aria-label={t('help.guideTitle')}>
          <p>{t('help.guideCard')}</p>
          <p>
            <Link href="/aide/guide" className="button button-primary">
              {t('help.guideLink')}
            </Link>
          </p>
        </aside>
      )}
      {/* Without JavaScript the search box sends ?q=: the list is rendered already searched. */}
      <HelpSearch index={helpIndex()} initialQuery={query} />
    </div>
  );
}
