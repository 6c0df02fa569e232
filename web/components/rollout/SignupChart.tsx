import { formatDay, formatDayLong } from '@coopol/contracts';
import type { RolloutNumbers } from './types';
import { t, tc } from '../../i18n';
import { numberFormat } from '../../i18n/translate';
import styles from './rollout.module.css';

const DAYS = 90;
/** The drawing's own units: the SVG stretches to the figure's width and a fixed height (CSS). */
const WIDTH = 900;
const HEIGHT = 200;

/** The last `DAYS` calendar days (UTC, as the API counts them), oldest first, each with its count. */
function lastDays(signups: RolloutNumbers['signups'], today = new Date()): { day: string; count: number }[] {
  const counts = new Map(signups.map((entry) => [entry.day, entry.count]));
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: DAYS }, (_, index) => {
    const day = new Date(end - (DAYS - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    return { day, count: counts.get(day) ?? 0 };
  });
}

/** A rounded top for the axis: 1, 2, 5, 10, 20, 50… */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10] as const).map((step) => step * magnitude).find((top) => top >= value) ?? 10 * magnitude;
}

/**
 * Sign-ups per day over 90 days: hand-drawn SVG bars, described in words (total, last 7 days,
 * busiest day) and, for whoever wants the figures, a table of the days with sign-ups.
 */
export function SignupChart({ signups, id }: { signups: RolloutNumbers['signups']; id: string }) {
  const days = lastDays(signups);
  const total = days.reduce((sum, entry) => sum + entry.count, 0);
  const week = days.slice(-7).reduce((sum, entry) => sum + entry.count, 0);
  const peak = days.reduce((best, entry) => (entry.count > best.count ? entry : best), days[0]!);
  const top = niceMax(peak.count);
  const slot = WIDTH / DAYS;
  const y = (count: number) => HEIGHT - (count / top) * HEIGHT;
  const withSignups = days.filter((entry) => entry.count > 0).reverse();
  const summaryId = `${id}-resume`;
  const titleId = `${id}-titre`;
  // Labels are HTML around the drawing, so they stay readable however wide the screen.
  const xLabels = [0, 30, 60, DAYS - 1].map((index) => days[index]!);

  return (
    <figure className={styles.chart}>
      <div className={styles.chartFrame}>
        <div className={styles.chartY} aria-hidden="true">
          <span>{numberFormat.format(top)}</span>
          <span>{numberFormat.format(top / 2)}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={`${titleId} ${summaryId}`}
          className={styles.chartSvg}
          focusable="false"
        >
          <title id={titleId}>{t('numbers.chartLabel', { from: formatDayLong(days[0]!.day), to: formatDayLong(days.at(-1)!.day) })}</title>
          {[0, HEIGHT / 2, HEIGHT].map((at) => (
            <line key={at} x1={0} x2={WIDTH} y1={at} y2={at} className={styles.gridLine} vectorEffect="non-scaling-stroke" />
          ))}
          {days.map((entry, index) =>
            entry.count > 0 ? (
              <rect
                key={entry.day}
                x={index * slot + slot * 0.15}
                y={y(entry.count)}
                width={slot * 0.7}
                height={Math.max(1, HEIGHT - y(entry.count))}
                className={styles.bar}
              />
            ) : null,
          )}
        </svg>
        <div className={styles.chartX} aria-hidden="true">
          {xLabels.map((entry) => (
            <span key={entry.day}>{formatDay(entry.day)}</span>
          ))}
        </div>
      </div>
      <figcaption id={summaryId} className={styles.chartSummary}>
        {tc('numbers.chartTotal', total)}
        {total > 0 && tc('numbers.chartWeek', week)}
        {total > 0 && ` ${tc('numbers.chartPeak', peak.count, { date: formatDayLong(peak.day) })}`}
      </figcaption>
      {withSignups.length > 0 && (
        <details className={styles.chartDetails}>
          <summary>{t('numbers.chartTable')}</summary>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('numbers.chartDays')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('numbers.col.day')}</th>
                <th scope="col" className={styles.num}>
                  {t('numbers.col.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {withSignups.map((entry) => (
                <tr key={entry.day}>
                  <th scope="row">{formatDayLong(entry.day)}</th>
                  <td className={styles.num}>{numberFormat.format(entry.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
