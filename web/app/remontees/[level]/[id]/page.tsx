import { type Rollup, routes, sayMonth } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, unstable_rethrow } from 'next/navigation';
import { t } from '../../../../i18n';
import { refusalText } from '../../../../i18n/errors';
import { numberFormat } from '../../../../i18n/translate';
import { isApiError } from '../../../../lib/api';
import { orNotFound } from '../../../../lib/or-not-found';
import { param, type SearchParams } from '../../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import styles from '../../../evenements/events.module.css';
import { dashboardHref, eventHref } from '../../../evenements/hrefs';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('dashboard.title') };

const levels = ['section', 'federation', 'region', 'national', 'group'] as const;
type Level = (typeof levels)[number];

/**
 * Leaflets month by month: hand-made SVG bars (no chart library in the page's JavaScript), with its
 * title, a scale on the left, the months below and a legend; the month shown below is marked.
 */
function LeafletChart({ history, month }: { history: Rollup['history']; month: string }) {
  const max = Math.max(1, ...history.map((h) => h.leaflets));
  const [left, top, width, height] = [48, 12, 640, 200];
  const bar = (width - left) / history.length;
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure className={styles.chartFigure}>
      <figcaption>
        <h3 id="chart-title">{t('dashboard.chartTitle')}</h3>
        <p className={styles.chartLegend}>
          <span className={styles.legendItem}>
            <span className={styles.legendSwatch} aria-hidden="true" />
            {t('dashboard.chartLegend')}
          </span>
          <span className={styles.legendItem}>
            <span className={styles.legendSwatchShown} aria-hidden="true" />
            {t('dashboard.chartLegendShown', { month: sayMonth(month) })}
          </span>
        </p>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${top + height + 44}`} className={styles.chart} role="img" aria-labelledby="chart-title chart-desc">
        <desc id="chart-desc">{t('dashboard.chartAxes')}</desc>
        {ticks.map((tick) => {
          const y = top + height - Math.round((tick / max) * height);
          return (
            <g key={tick}>
              <line x1={left - 4} x2={width} y1={y} y2={y} stroke="#e9dfdb" />
              <text x={left - 8} y={y + 4} textAnchor="end" fontSize="12" fill="#62565a">
                {numberFormat.format(tick)}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={left} y1={top} y2={top + height} stroke="#62565a" />
        <line x1={left} x2={width} y1={top + height} y2={top + height} stroke="#62565a" />
        {history.map((h, i) => {
          const barHeight = Math.round((h.leaflets / max) * height);
          const x = left + i * bar;
          return (
            <g key={h.month}>
              <rect x={x + 5} y={top + height - barHeight} width={bar - 10} height={barHeight} rx={3} fill={h.month === month ? '#a8143c' : '#f892a8'}>
                <title>{`${sayMonth(h.month)} : ${numberFormat.format(h.leaflets)}`}</title>
              </rect>
              {h.leaflets > 0 && (
                <text x={x + bar / 2} y={top + height - barHeight - 4} textAnchor="middle" fontSize="12" fill="#231a1d">
                  {numberFormat.format(h.leaflets)}
                </text>
              )}
              <text x={x + bar / 2} y={top + height + 18} textAnchor="middle" fontSize="12" fill="#62565a">
                {h.month.slice(5)}/{h.month.slice(2, 4)}
              </text>
            </g>
          );
        })}
        <text x={left + (width - left) / 2} y={top + height + 38} textAnchor="middle" fontSize="12" fill="#62565a">
          {t('dashboard.chartXAxis')}
        </text>
      </svg>
    </figure>
  );
}

/** A level's field reports: its totals over twelve months, its children for one month, who has not reported. */
export default async function DashboardPage({ params, searchParams }: { params: Promise<{ level: string; id: string }>; searchParams: SearchParams }) {
  const { level, id } = await params;
  if (!levels.includes(level as Level)) notFound();
  const month = param(await searchParams, 'mois');
  const here = dashboardHref(level, id);
  const session = await requireSession(here);
  let rollup: Rollup;
  try {
    rollup = await orNotFound(
      callAsSignedIn(session, here, routes.getReportRollup, { params: { level: level as Level, levelId: id }, query: month ? { month } : {} }),
    );
  } catch (error) {
    unstable_rethrow(error);
    if (!isApiError(error, 403)) throw error;
    // Dashboards are for the officials of each level: say so instead of an error page.
    return (
      <div className={`container ${styles.page}`}>
        <h1>{t('dashboard.title')}</h1>
        <p role="status">{refusalText(error)}</p>
      </div>
    );
  }
  const current = rollup.history.find((h) => h.month === rollup.month)!;
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <p className={styles.eyebrow}>{t('dashboard.title')}</p>
        <h1>{t('dashboard.heading', { name: rollup.name })}</h1>
        <div className={styles.chips}>
          {rollup.history.slice(-6).map((h) => (
            <Link key={h.month} href={`${here}?mois=${h.month}`} className={h.month === rollup.month ? 'chip' : 'chip chip-neutral'} aria-current={h.month === rollup.month ? 'page' : undefined}>
              {sayMonth(h.month)}
            </Link>
          ))}
        </div>
      </header>
      <section className={`card ${styles.card}`} aria-labelledby="totals-title">
        <h2 id="totals-title">{sayMonth(rollup.month)}</h2>
        <dl className={styles.chips}>
          {(['reports', 'leaflets', 'doors', 'peopleReached', 'contacts'] as const).map((k) => (
            <div key={k} className="chip chip-neutral">
              <dt>{k === 'reports' ? t('dashboard.reports') : t(`report.${k}`)}</dt>
              <dd>&nbsp;{numberFormat.format(current[k])}</dd>
            </div>
          ))}
        </dl>
        <LeafletChart history={rollup.history} month={rollup.month} />
      </section>
      {rollup.children.length > 0 && (
        <section className={`card ${styles.card}`} aria-labelledby="children-title">
          <h2 id="children-title">{t('dashboard.children', { month: sayMonth(rollup.month) })}</h2>
          <div className="table-scroll" role="region" aria-labelledby="children-title" tabIndex={0}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.name')}</th>
                <th scope="col">{t('dashboard.reports')}</th>
                <th scope="col">{t('report.leaflets')}</th>
                <th scope="col">{t('report.doors')}</th>
                <th scope="col">{t('report.peopleReached')}</th>
                <th scope="col">{t('report.contacts')}</th>
              </tr>
            </thead>
            <tbody>
              {rollup.children.filter((c) => c.reports > 0).map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`${dashboardHref(c.level, c.id)}?mois=${rollup.month}`}>{c.name}</Link>
                  </th>
                  <td>{numberFormat.format(c.reports)}</td>
                  <td>{numberFormat.format(c.leaflets)}</td>
                  <td>{numberFormat.format(c.doors)}</td>
                  <td>{numberFormat.format(c.peopleReached)}</td>
                  <td>{numberFormat.format(c.contacts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <h3>{t('dashboard.notReported', { month: sayMonth(rollup.month) })}</h3>
          {rollup.notReported.length ? (
            <p>{rollup.notReported.map((c) => c.name).join(' · ')}</p>
          ) : (
            <p>{t('dashboard.allReported')}</p>
          )}
        </section>
      )}
      <section className={`card ${styles.card}`} aria-labelledby="lines-title">
        <h2 id="lines-title">{t('dashboard.lines', { month: sayMonth(rollup.month) })}</h2>
        {rollup.reports.length ? (
          <ul className={styles.reportLines}>
            {rollup.reports.map((r) => (
              <li key={r.eventId}>
                <Link href={eventHref(r.eventId)}>{r.title}</Link>
                <span>{t('dashboard.lineBy', { space: r.spaceName, name: r.reporter.name })}</span>
                <span>
                  {(['leaflets', 'doors', 'peopleReached', 'contacts'] as const).map((k) => `${t(`report.${k}`)} : ${numberFormat.format(r[k])}`).join(' · ')}
                </span>
                {r.remarks && (
                  <blockquote className={styles.remarks}>
                    <span className="visually-hidden">{t('dashboard.remarks')}&nbsp;: </span>
                    {r.remarks}
                  </blockquote>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('dashboard.noLines')}</p>
        )}
        {rollup.moreReports && <p>{t('dashboard.moreLines')}</p>}
      </section>
    </div>
  );
}
