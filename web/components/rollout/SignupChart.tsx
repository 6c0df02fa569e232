import type { RolloutNumbers } from './types';
import { t, tc } from '../../i18n';
import { numberFormat } from '../../i18n/translate';
import { formatDay, formatDayLong } from '../../lib/paris-time';
import styles from './rollout.module.css';

const DAYS = 90;
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };

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
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / DAYS;
  const y = (count: number) => PAD.top + plotHeight - (count / top) * plotHeight;
  const withSignups = days.filter((entry) => entry.count > 0).reverse();
  const summaryId = `${id}-resume`;
  const titleId = `${id}-titre`;

  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${summaryId}`} className={styles.chartSvg} focusable="false">
        <title id={titleId}>{t('numbers.chartLabel', { from: formatDayLong(days[0]!.day), to: formatDayLong(days.at(-1)!.day) })}</title>
        {[0, top / 2, top].map((value) => (
          <g key={value} aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} className={styles.gridLine} />
            <text x={PAD.left - 6} y={y(value)} dy="0.35em" textAnchor="end" className={styles.axisText}>
              {numberFormat.format(value)}
            </text>
          </g>
        ))}
        {days.map((entry, index) =>
          entry.count > 0 ? (
            <rect
              key={entry.day}
              x={PAD.left + index * slot + slot * 0.15}
              y={y(entry.count)}
              width={slot * 0.7}
              height={Math.max(1, PAD.top + plotHeight - y(entry.count))}
              rx={1.5}
              className={styles.bar}
            />
          ) : null,
        )}
        {days.map((entry, index) =>
          index % 15 === 0 || index === DAYS - 1 ? (
            <text key={entry.day} x={PAD.left + index * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className={styles.axisText} aria-hidden="true">
              {formatDay(entry.day)}
            </text>
          ) : null,
        )}
      </svg>
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
