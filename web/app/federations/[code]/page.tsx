import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { SpacePeople } from '../../../components/people/SpacePeople';
import { SpaceAccessLog } from '../../../components/privacy/SpaceAccessLog';
import { SpacePosts } from '../../../components/social/SpacePosts';
import { federationHref, regionHref } from '../../../components/territory/hrefs';
import { SectionList } from '../../../components/territory/SectionList';
import { TerritoryHeader } from '../../../components/territory/TerritoryHeader';
import type { Crumb } from '../../../components/ui/Breadcrumb';
import { Icon } from '../../../components/ui/Icon';
import { t, tc } from '../../../i18n';
import { callApi } from '../../../lib/api';
import { orNotFound } from '../../../lib/or-not-found';
import { getSession } from '../../../lib/session';
import { SpaceMailingsCard } from '../../messages-aux-membres/SpaceMailingsCard';
import { SpaceTextsCard } from '../../textes/SpaceTextsCard';
import styles from './federation.module.css';
import { agendaHref } from '../../evenements/hrefs';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const getFederation = cache((federationCode: string) =>
  orNotFound(callApi(routes.getFederation, { params: { federationCode } })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const federation = await getFederation((await params).code);
  return { title: federation.name };
}

export default async function FederationPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { cursor: rawCursor } = await searchParams;
  const cursor = typeof rawCursor === 'string' && rawCursor !== '' ? rawCursor : undefined;

  const [federation, page, session] = await Promise.all([
    getFederation(code),
    // A stale or tampered cursor is answered 400: show the not-found page rather than an error.
    orNotFound(
      callApi(routes.listFederationSections, { params: { federationCode: code }, query: { limit: PAGE_SIZE, cursor } }),
    ),
    getSession(),
  ]);

  const abroad = federation.regionCode === null;
  const breadcrumb: Crumb[] = [{ label: t('breadcrumb.territories'), href: '/territoires' }];
  if (federation.regionCode && federation.regionName) {
    breadcrumb.push({ label: federation.regionName, href: regionHref(federation.regionCode) });
  }
  breadcrumb.push({ label: federation.name });

  return (
    <>
      <TerritoryHeader
        breadcrumb={breadcrumb}
        icon={abroad ? 'globe' : 'landmark'}
        eyebrow={abroad ? t('federation.abroad') : t('federation.departement', { code: federation.code })}
        title={federation.name}
      >
        <span className="chip">
          <Icon name="users" size={16} />
          {tc('federation.sectionCount', federation.sectionCount)}
        </span>
        {federation.regionCode && federation.regionName && (
          <Link href={regionHref(federation.regionCode)} className="chip chip-neutral">
            <Icon name="map" size={16} />
            {t('federation.region', { name: federation.regionName })}
          </Link>
        )}
        <Link href={agendaHref('federation', federation.code)} className="chip">
          <Icon name="calendar" size={16} />
          {t('agenda.title')}
        </Link>
      </TerritoryHeader>

      <div className={`container ${styles.people}`}>
        <SpacePeople scope="federation" id={federation.code} pageHref={federationHref(federation.code)} />
        {session && <SpaceMailingsCard session={session} space={{ type: 'federation', id: federation.code }} returnTo={federationHref(federation.code)} />}
        {session && <SpaceTextsCard session={session} space={{ type: 'federation', id: federation.code }} returnTo={federationHref(federation.code)} />}
        <SpaceAccessLog scope="federation" id={federation.code} />
      </div>

      <div className="container">
        <SpacePosts spaceType="federation" spaceId={federation.code} back={federationHref(federation.code)} />
      </div>

      <section className={`container ${styles.page}`} aria-labelledby="sections-title">
        <h2 id="sections-title">{t('federation.sectionsHeading')}</h2>
        {page.items.length === 0 && !cursor ? (
          <div className={styles.empty}>
            <span className={styles.emptyIcon}>
              <Icon name="flag" size={32} />
            </span>
            <h3>{t('federation.emptyTitle')}</h3>
            <p>{t('federation.emptyText')}</p>
            <Link
              href={federation.regionCode ? regionHref(federation.regionCode) : '/territoires'}
              className="button button-secondary"
            >
              {federation.regionCode ? t('federation.emptyBack') : t('federation.emptyBackAbroad')}
              <Icon name="arrowRight" size={20} />
            </Link>
          </div>
        ) : (
          <>
            <SectionList sections={page.items} />
            {(cursor || page.nextCursor) && (
              <nav aria-label={t('federation.pagination')} className={styles.pagination}>
                {cursor && (
                  <Link href={federationHref(federation.code)} className="button button-secondary">
                    {t('federation.firstPage')}
                  </Link>
                )}
                {page.nextCursor && (
                  <Link
                    href={`${federationHref(federation.code)}?cursor=${encodeURIComponent(page.nextCursor)}`}
                    className="button button-primary"
                  >
                    {t('federation.nextPage')}
                    <Icon name="arrowRight" size={20} />
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
