import { formatParisDateTime, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { isRefusal, orRefused, Refused } from '../../../components/rollout/Refused';
import styles from '../../../components/rollout/rollout.module.css';
import { progressSummary } from '../../../components/rollout/WaveProgress';
import { WaveStatusBadge } from '../../../components/rollout/WaveStatusBadge';
import { TerritoryHeader } from '../../../components/territory/TerritoryHeader';
import { t } from '../../../i18n';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import { createWave } from './actions';
import { loadPlaces, namesOf } from './places';
import { WaveForm } from './WaveForm';
import { HelpLink } from '../../../components/help/HelpLink';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('waves.title') };

/** National admins: the rollout waves, and a new one. */
export default async function WavesPage() {
  const returnTo = '/admin/vagues';
  const session = await requireSession(returnTo);
  const answer = await orRefused(session, returnTo, () =>
    Promise.all([callAsSignedIn(session, returnTo, routes.listWaves, {}), loadPlaces()]),
  );
  if (isRefusal(answer)) return <Refused refusal={answer} />;
  const [{ items: waves }, places] = answer;
  const sorted = [...waves].sort((a, b) => b.opensAt.localeCompare(a.opensAt));

  return (
    <>
      <TerritoryHeader icon="flag" eyebrow={t('waves.eyebrow')} title={t('waves.heading')} lead={t('waves.lead')} />
      <div className={`container ${styles.page}`}>
        <section className={`card ${styles.panel}`} aria-labelledby="vagues-liste">
          <div className={styles.panelHead}>
            <h2 id="vagues-liste">{t('waves.listHeading')}</h2>
          </div>
          {sorted.length === 0 ? (
            <p className={styles.muted}>{t('waves.none')}</p>
          ) : (
            <ul className={styles.waves}>
              {sorted.map((wave) => {
                const territories = [...namesOf(wave.regionCodes, places.regions), ...namesOf(wave.federationCodes, places.federations)];
                return (
                  <li key={wave.id} className={styles.wave}>
                    <div className={styles.waveTop}>
                      <Link href={`/admin/vagues/${wave.id}`} className={styles.waveName}>
                        {wave.name}
                      </Link>
                      <WaveStatusBadge status={wave.status} />
                    </div>
                    <p className={styles.waveMeta}>
                      <span>{t('waves.opensAt', { date: formatParisDateTime(wave.opensAt) })}</span>
                      <span>{t('waves.territories', { list: territories.join(', ') })}</span>
                      {wave.status !== 'draft' && <span>{progressSummary(wave.progress)}</span>}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className={`card ${styles.panel}`} aria-labelledby="vagues-nouvelle">
          <div className={styles.panelHead}>
            <h2 id="vagues-nouvelle">
              {t('waves.newHeading')}
              <HelpLink topic="ouvrir-une-vague" />
            </h2>
            <p>{t('waves.newLead')}</p>
          </div>
          <WaveForm action={createWave} places={places} submitLabel={t('waves.create')} />
        </section>
      </div>
    </>
  );
}
