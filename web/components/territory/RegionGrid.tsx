import type { Region } from '@coopol/contracts';
import { compareNames } from '../../i18n';
import { LinkCard } from '../ui/LinkCard';
import { regionHref } from './hrefs';
import styles from './grids.module.css';

/** Regions as cards, sorted by name. */
export function RegionGrid({ regions, compact = false }: { regions: Region[]; compact?: boolean }) {
  const sorted = [...regions].sort((a, b) => compareNames(a.name, b.name));
  return (
    <ul className={compact ? styles.gridCompact : styles.grid}>
      {sorted.map((region) => (
        <li key={region.code}>
          <LinkCard
            href={regionHref(region.code)}
            title={region.name}
            icon={region.zone === 'metro' ? 'map' : 'globe'}
            compact={compact}
          />
        </li>
      ))}
    </ul>
  );
}
