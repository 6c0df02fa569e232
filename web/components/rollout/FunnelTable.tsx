import type { RolloutNumbers } from './types';
import { t, type TextKey } from '../../i18n';
import { numberFormat } from '../../i18n/translate';
import { formatParisDate } from '../../lib/paris-time';
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

/**
 * The funnel per territory — preregistered → confirmed → told → signed up → active — with the
 * conversion from each step to the next, and the total. Scrolls sideways on a phone.
 */
export function FunnelTable({ caption, territories, totals }: { caption: string; territories: Territory[]; totals: Totals }) {
  return (
    <div className={styles.tableWrap} role="region" aria-label={t('numbers.tableLabel')} tabIndex={0}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('numbers.col.territory')}</th>
            <th scope="col">{t('numbers.col.openedAt')}</th>
            {steps.map((step) => (
              <th key={step.key} scope="col" className={styles.num}>
                {t(step.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {territories.map((territory) => (
            <tr key={territory.code}>
              <th scope="row">
                {territory.name} <span className={styles.code}>({territory.code})</span>
              </th>
              <td>{territory.openedAt ? formatParisDate(territory.openedAt) : <span className={styles.muted}>{t('numbers.notOpen')}</span>}</td>
              {steps.map((step, index) => (
                <Cell key={step.key} numbers={territory} index={index} />
              ))}
            </tr>
          ))}
        </tbody>
        {territories.length > 1 && (
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
  );
}

/** The totals of several scopes' territories (a wave's regions and extra federations). */
export function sumTerritories(territories: Territory[]): Totals {
  const sum = (key: keyof Totals) => territories.reduce((total, territory) => total + territory[key], 0);
  return { preregistered: sum('preregistered'), confirmed: sum('confirmed'), emailed: sum('emailed'), signedUp: sum('signedUp'), active: sum('active') };
}
