import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { federationHref } from '../../../../components/territory/hrefs';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import gridStyles from '../../../../components/territory/grids.module.css';
import { LinkCard } from '../../../../components/ui/LinkCard';
import { compareDepartementCodes, t, tc, type TextKey } from '../../../../i18n';
import { callApi } from '../../../../lib/api';
import { orNotFound } from '../../../../lib/or-not-found';
import { agendaHref } from '../../../evenements/hrefs';
import styles from './region.module.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

// One API call per request, shared by the metadata and the page.
const getRegion = cache((regionCode: string) => orNotFound(callApi(routes.getRegion, { params: { regionCode } })));

const zoneLabels: Record<'metro' | 'drom' | 'com', TextKey> = {
  metro: 'zone.metro',
  drom: 'zone.drom',
  com: 'zone.com',
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await getRegion((await params).code);
  return { title: region.name };
}

export default async function RegionPage({ params }: Props) {
  const region = await getRegion((await params).code);
  const federations = [...region.federations].sort((a, b) => compareDepartementCodes(a.code, b.code));

  return (
    <>
      <TerritoryHeader
        breadcrumb={[{ label: t('breadcrumb.territories'), href: '/territoires' }, { label: region.name }]}
        icon={region.zone === 'metro' ? 'map' : 'globe'}
        eyebrow={t(zoneLabels[region.zone])}
        title={region.name}
      >
        <span className="chip">{tc('region.federationCount', federations.length)}</span>
        <Link href={agendaHref('region', region.code)}>{t('agenda.regionLink')}</Link>
      </TerritoryHeader>
      <section className={`container ${styles.page}`} aria-labelledby="federations-title">
        <h2 id="federations-title">{t('region.federationsHeading')}</h2>
        {federations.length === 0 ? (
          <p className={styles.empty}>{t('region.noFederations')}</p>
        ) : (
          <ul className={gridStyles.gridWide}>
            {federations.map((federation) => (
              <li key={federation.code}>
                <LinkCard
                  href={federationHref(federation.code)}
                  title={federation.name}
                  badge={federation.code}
                  meta={t('region.departement', { code: federation.code })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
