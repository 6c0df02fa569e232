import { formatParisDateTime, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import rollout from '../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { t, tc } from '../../../../i18n';
import { param, type SearchParams } from '../../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import { versionsHref } from '../../hrefs';
import { DiffView } from '../../TextParts';
import styles from '../../texts.module.css';
import { readText } from '../text-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.versions.title') };

type Props = { params: Promise<{ textId: string }>; searchParams: SearchParams };

/** A version number from the address, within the text's versions; `fallback` otherwise. */
function versionParam(value: string | undefined, last: number, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= last ? n : fallback;
}

/** One end of the comparison: a version's number, chosen among the text's. */
function VersionSelect({ name, label, numbers, value }: { name: string; label: string; numbers: number[]; value: number }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={String(value)}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The versions of a text (who, when, which amendments) and what changed between two of them, word by word. */
export default async function VersionsPage({ params, searchParams }: Props) {
  const { textId } = await params;
  const query = await searchParams;
  const here = versionsHref(textId);
  const session = await requireSession(here);
  const { text, space, under } = await readText(session, here, textId);
  const last = text.version;
  const to = versionParam(param(query, 'a'), last, last);
  const from = versionParam(param(query, 'de'), last, Math.max(1, to - 1));
  const [{ items: versions }, diff] = await Promise.all([
    callAsSignedIn(session, here, routes.listTextVersions, { params: { textId } }),
    last > 1 ? callAsSignedIn(session, here, routes.diffText, { params: { textId }, query: { from, to } }) : null,
  ]);
  const numbers = versions.map((v) => v.number);

  return (
    <>
      <TerritoryHeader breadcrumb={under(t('texts.versions.title'))} icon="fileText" eyebrow={space.name} title={text.title} />
      <div className={`container ${rollout.page}`}>
        <section className={`card ${rollout.panel}`} aria-labelledby="versions-list">
          <div className={rollout.panelHead}>
            <h2 id="versions-list">{t('texts.versions.heading')}</h2>
          </div>
          <ol className={styles.versions} reversed>
            {[...versions].reverse().map((v) => (
              <li key={v.number} className={rollout.wave} data-version={v.number}>
                <div className={rollout.waveTop}>
                  <strong>{t('texts.versions.item', { number: v.number })}</strong>
                </div>
                <p className={rollout.waveMeta}>
                  <span>{t('texts.versions.meta', { date: formatParisDateTime(v.at), name: v.authorName })}</span>
                  <span>{v.number === 1 ? t('texts.versions.first') : tc('texts.versions.merged', v.amendmentIds.length)}</span>
                </p>
              </li>
            ))}
          </ol>
        </section>

        <section className={`card ${rollout.panel}`} aria-labelledby="versions-diff">
          <div className={rollout.panelHead}>
            <h2 id="versions-diff">{t('texts.diff.heading')}</h2>
          </div>
          {!diff ? (
            <p className={rollout.muted}>{t('texts.diff.only')}</p>
          ) : (
            <>
              <form method="get" action={here} className={styles.compare}>
                <VersionSelect name="de" label={t('texts.diff.from')} numbers={numbers} value={from} />
                <VersionSelect name="a" label={t('texts.diff.to')} numbers={numbers} value={to} />
                <button type="submit" className="button button-secondary">
                  {t('texts.diff.show')}
                </button>
              </form>
              {diff.blocks.every((b) => b.kind === 'same' || b.kind === 'gap') ? <p className={rollout.muted}>{t('texts.diff.none')}</p> : <DiffView blocks={diff.blocks} />}
            </>
          )}
        </section>
      </div>
    </>
  );
}
