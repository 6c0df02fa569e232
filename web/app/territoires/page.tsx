import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { federationHref } from '../../components/territory/hrefs';
import { ABROAD_FEDERATION_CODE } from '../../components/territory/labels';
import { RegionGrid } from '../../components/territory/RegionGrid';
import { TerritoryHeader } from '../../components/territory/TerritoryHeader';
import { Icon } from '../../components/ui/Icon';
import { t, tc } from '../../i18n';
import { callApi } from '../../lib/api';
import styles from './territoires.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('territories.title') };

export default async function TerritoriesPage() {
  const { items: regions } = await callApi(routes.listRegions, {});
  const metro = regions.filter((region) => region.zone === 'metro');
  const overseas = regions.filter((region) => region.zone !== 'metro');
  const overseasGroups = [
    { id: 'drom', title: t('territories.drom'), regions: overseas.filter((region) => region.zone === 'drom') },
    { id: 'com', title: t('territories.com'), regions: overseas.filter((region) => region.zone === 'com') },
  ].filter((group) => group.regions.length > 0);

  return (
    <>
      <TerritoryHeader
        icon="map"
        title={t('territories.heading')}
        lead={t('territories.lead')}
      />
      <div className={`container ${styles.page}`}>
        <section aria-labelledby="metro-title" className={styles.group}>
          <div className={styles.groupHead}>
            <h2 id="metro-title">{t('territories.metro')}</h2>
            <span className="chip chip-neutral">{tc('territories.regionCount', metro.length)}</span>
          </div>
          <RegionGrid regions={metro} />
        </section>

        {overseas.length > 0 && (
          <section aria-labelledby="overseas-title" className={styles.group}>
            <div className={styles.groupHead}>
              <h2 id="overseas-title">{t('territories.overseas')}</h2>
              <span className="chip chip-neutral">{tc('territories.territoryCount', overseas.length)}</span>
            </div>
            {overseasGroups.map((group) => (
              <div key={group.id} className={styles.subgroup}>
                <h3 className={styles.subgroupTitle}>{group.title}</h3>
                <RegionGrid regions={group.regions} />
              </div>
            ))}
          </section>
        )}

        <section aria-labelledby="abroad-title" className={styles.abroad}>
          <span className={styles.abroadIcon}>
            <Icon name="globe" size={32} />
          </span>
          <div className={styles.abroadText}>
            <h2 id="abroad-title">{t('territories.abroadHeading')}</h2>
            <p>{t('territories.abroadText')}</p>
          </div>
          <Link href={federationHref(ABROAD_FEDERATION_CODE)} className="button button-primary">
            {t('territories.abroadLink')}
            <Icon name="arrowRight" size={20} />
          </Link>
        </section>
      </div>
    </>
  );
}
