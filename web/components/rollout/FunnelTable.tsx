import { formatParisDate } from '@coopol/contracts';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { RolloutNumbers } from './types';
import { t, tc, type TextKey } from '../../i18n';
import { numberFormat } from '../../i18n/translate';
import styles from './rollout.module.css';

type Territory = RolloutNumbers['territories'][number];
type Totals = RolloutNumbers['totals'];

const steps: { key: keyof Totals; label: TextKey }[] = [
  { key: 'preregistered', label: 'numbers.col.preregistered' },
  { key: 'confirmed', label: 'numbers.col.confirmed' },
  { key: 'emailed', label: 'numbers.col.emailed' },
  { key: 'signedUp', label: 'numbers.col.signedUp' },
  { key: 'active', label: 'numbers.col.active' },
];

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** One step's number, and under it its share of the step before (none for the first step). */
function Cell({ numbers, index }: { numbers: Totals; index: number }) {
  const step = steps[index]!;
  const value = numbers[step.key];
  const previous = index > 0 ? numbers[steps[index - 1]!.key] : undefined;
  return (
    <td className={styles.num}>
      {numberFormat.format(value)}
      {previous !== undefined && <span className={styles.rate}>{previous > 0 ? percent.format(value / previous) : '—'}</span>}
    </td>
  );
}

/** A row of the table: a territory, or a group of them (a region, in the national view). */
export interface FunnelRow {
  key: string;
  name: string;
  /** The numbers of this row alone (a region's row leads to the region's own page). */
  href?: string;
  opened: ReactNode;
  numbers: Totals;
}

/** Each federation as the API counts it, with the date it opened. */
export function federationRows(territories: Territory[]): FunnelRow[] {
  return territories.map((territory) => ({
    key: territory.code,
    name: `${territory.name} (${territory.code})`,
    opened: territory.openedAt ? formatParisDate(territory.openedAt) : <span className={styles.muted}>{t('numbers.notOpen')}</span>,
    numbers: territory,
  }));
}

/** The federations summed by region (the national view), each region leading to its own numbers. */
export function regionRows(territories: Territory[], federations: { code: string; regionCode: string | null }[], regions: { code: string; name: string }[], hrefOf: (regionCode: string) => string): FunnelRow[] {
  const regionOf = new Map(federations.map((federation) => [federation.code, federation.regionCode]));
  const rows: FunnelRow[] = [];
  for (const region of regions) {
    const members = territories.filter((territory) => regionOf.get(territory.code) === region.code);
    if (!members.length) continue;
    const open = members.filter((territory) => territory.openedAt).length;
    rows.push({
      key: region.code,
      name: region.name,
      href: hrefOf(region.code),
      opened: tc('numbers.openCount', open, { total: members.length }),
      numbers: sumTerritories(members),
    });
  }
  const elsewhere = territories.filter((territory) => !regionOf.get(territory.code));
  return [...rows, ...federationRows(elsewhere)];
}

/**
 * The funnel per territory — preregistered → confirmed → told → signed up → active — with the
 * conversion from each step to the next, and the total. Scrolls sideways on a phone.
 */
export function FunnelTable({ caption, rows, totals, openedLabel = t('numbers.col.openedAt') }: { caption: string; rows: FunnelRow[]; totals: Totals; openedLabel?: string }) {
  return (
    <div className={styles.tableBlock}>
      <p className={styles.muted}>{caption}</p>
      <div className={styles.tableWrap} role="region" aria-label={t('numbers.tableLabel')} tabIndex={0}>
        <table className={`${styles.table} ${styles.funnel}`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('numbers.col.territory')}</th>
              <th scope="col">{openedLabel}</th>
              {steps.map((step) => (
                <th key={step.key} scope="col" className={styles.num}>
                  {t(step.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.href ? <Link href={row.href}>{row.name}</Link> : row.name}</th>
                <td className={styles.nowrap}>{row.opened}</td>
                {steps.map((step, index) => (
                  <Cell key={step.key} numbers={row.numbers} index={index} />
                ))}
              </tr>
            ))}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('numbers.total')}</th>
                <td />
                {steps.map((step, index) => (
                  <Cell key={step.key} numbers={totals} index={index} />
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}

/** The totals of several scopes' territories (a wave's regions and extra federations). */
export function sumTerritories(territories: Territory[]): Totals {
  const sum = (key: keyof Totals) => territories.reduce((total, territory) => total + territory[key], 0);
  return { preregistered: sum('preregistered'), confirmed: sum('confirmed'), emailed: sum('emailed'), signedUp: sum('signedUp'), active: sum('active') };
}
