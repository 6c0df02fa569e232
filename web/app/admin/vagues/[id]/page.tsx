import { formatParisDateTime, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { AutoRefresh } from '../../../../components/rollout/AutoRefresh';
import { federationRows, FunnelTable, sumTerritories } from '../../../../components/rollout/FunnelTable';
import { isRefusal, orRefused, Refused } from '../../../../components/rollout/Refused';
import styles from '../../../../components/rollout/rollout.module.css';
import type { RolloutNumbers, Wave } from '../../../../components/rollout/types';
import { WaveProgress } from '../../../../components/rollout/WaveProgress';
import { WaveStatusBadge } from '../../../../components/rollout/WaveStatusBadge';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { Icon } from '../../../../components/ui/Icon';
import { t } from '../../../../i18n';
import { orNotFound } from '../../../../lib/or-not-found';
import { param, type SearchParams } from '../../../../lib/search-params';
import { callAsSignedIn, requireSession, type Session } from '../../../../lib/session';
import { deployWave, openWaveNow, relaunchWave, updateWave } from '../actions';
import { loadPlaces, namesOf } from '../places';
import { WaveForm } from '../WaveForm';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('waves.title') };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

/** The territories a wave opens, with their funnel: one numbers call per region and per extra federation. */
async function waveTerritories(session: Session, returnTo: string, wave: Wave): Promise<RolloutNumbers['territories']> {
  const scopes = [
    ...wave.regionCodes.map((code) => ({ scope: 'region' as const, code })),
    ...wave.federationCodes.map((code) => ({ scope: 'federation' as const, code })),
  ];
  const answers = await Promise.all(scopes.map((query) => callAsSignedIn(session, returnTo, routes.rolloutNumbers, { query })));
  const byCode = new Map(answers.flatMap((answer) => answer.territories).map((territory) => [territory.code, territory]));
  return [...byCode.values()];
}

/** A wave: its facts, its draft form, deploy or open it (each confirmed first), its sending, live, and its territories. */
export default async function WavePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const returnTo = `/admin/vagues/${id}`;
  const session = await requireSession(returnTo);
  const answer = await orRefused(session, returnTo, async () => {
    const wave = await orNotFound(callAsSignedIn(session, returnTo, routes.getWave, { params: { waveId: id } }));
    const [places, territories] = await Promise.all([loadPlaces(), waveTerritories(session, returnTo, wave)]);
    return { wave, places, territories };
  });
  if (isRefusal(answer)) return <Refused refusal={answer} />;
  const { wave, places, territories } = answer;
  const draft = wave.status === 'draft';
  const live = wave.status === 'scheduled' || wave.status === 'sending';
  const asking = param(query, 'action');
  const notice = param(query, 'cree')
    ? t('waves.created')
    : param(query, 'deployee')
      ? t('waves.deployed')
      : param(query, 'ouverte')
        ? t('waves.opened')
        : param(query, 'relancee')
          ? t('waves.relaunched')
          : undefined;
  const regions = namesOf(wave.regionCodes, places.regions);
  const federations = namesOf(wave.federationCodes, places.federations);
  const cancel = (
    <Link href={returnTo} className="button button-secondary">
      {t('waves.cancel')}
    </Link>
  );

  return (
    <>
      <TerritoryHeader
        breadcrumb={[{ label: t('waves.heading'), href: '/admin/vagues' }, { label: wave.name }]}
        icon="flag"
        eyebrow={t('waves.eyebrow')}
        title={wave.name}
      >
        <WaveStatusBadge status={wave.status} />
        <span className="chip chip-neutral">
          <Icon name="calendar" size={16} />
          {t('waves.opensAt', { date: formatParisDateTime(wave.opensAt) })}
        </span>
      </TerritoryHeader>
      <div className={`container ${styles.page}`}>
        {notice && (
          <p role="status" className="notice-success">
            <Icon name="check" size={22} />
            <span>{notice}</span>
          </p>
        )}

        <section className={`card ${styles.panel}`} aria-labelledby="vague-envois">
          <div className={styles.panelHead}>
            <h2 id="vague-envois">{t('waves.progressHeading')}</h2>
            {live && <p>{t('waves.progressLive')}</p>}
          </div>
          {draft ? <p className={styles.muted}>{t('waves.progressNotYet')}</p> : <WaveProgress progress={wave.progress} />}
          {wave.stalledFederations?.length ? (
            <div className={styles.stalled} role="alert">
              <p>
                <Icon name="alert" size={22} />
                <span>{t('waves.stalled', { federations: namesOf(wave.stalledFederations, places.federations).join(', ') })}</span>
              </p>
              <ActionForm action={relaunchWave}>
                <Hidden name="waveId" value={wave.id} />
                <SubmitButton>{t('waves.relaunch')}</SubmitButton>
              </ActionForm>
            </div>
          ) : null}
          {live && <AutoRefresh />}
        </section>

        {wave.status !== 'sending' && wave.status !== 'done' && (
          <section className={`card ${styles.panel}`} aria-labelledby="vague-lancer">
            <div className={styles.panelHead}>
              <h2 id="vague-lancer">{t('waves.launchHeading')}</h2>
            </div>
            {asking === 'deployer' && draft ? (
              <div className={styles.confirm}>
                <h3>{t('waves.deployConfirmHeading')}</h3>
                <p>{t('waves.deployConfirmText', { date: formatParisDateTime(wave.opensAt) })}</p>
                <ActionForm action={deployWave}>
                  <Hidden name="waveId" value={wave.id} />
                  <div className={styles.confirmActions}>
                    <SubmitButton>{t('waves.deployConfirm')}</SubmitButton>
                    {cancel}
                  </div>
                </ActionForm>
              </div>
            ) : asking === 'ouvrir' ? (
              <div className={styles.confirm}>
                <h3>{t('waves.openConfirmHeading')}</h3>
                <p>{t('waves.openConfirmText')}</p>
                <ActionForm action={openWaveNow}>
                  <Hidden name="waveId" value={wave.id} />
                  <div className={styles.confirmActions}>
                    <SubmitButton>{t('waves.openConfirm')}</SubmitButton>
                    {cancel}
                  </div>
                </ActionForm>
              </div>
            ) : (
              <div className={styles.launch}>
                {draft && (
                  <div className={styles.launchItem}>
                    <p>{t('waves.deployText')}</p>
                    <Link href={`${returnTo}?action=deployer`} className="button button-primary">
                      <Icon name="calendar" size={20} />
                      {t('waves.deploy')}
                    </Link>
                  </div>
                )}
                <div className={styles.launchItem}>
                  <p>{t('waves.openNowText')}</p>
                  <Link href={`${returnTo}?action=ouvrir`} className="button button-secondary">
                    <Icon name="megaphone" size={20} />
                    {t('waves.openNow')}
                  </Link>
                </div>
              </div>
            )}
          </section>
        )}

        <section className={`card ${styles.panel}`} aria-labelledby="vague-details">
          <div className={styles.panelHead}>
            <h2 id="vague-details">{t('waves.detailsHeading')}</h2>
          </div>
          <dl className={`fact-list ${styles.facts}`}>
            <dt>{t('waves.fact.regions')}</dt>
            <dd>{regions.length ? regions.join(', ') : t('waves.none.short')}</dd>
            <dt>{t('waves.fact.federations')}</dt>
            <dd>{federations.length ? federations.join(', ') : t('waves.none.short')}</dd>
            <dt>{t('waves.fact.opensAt')}</dt>
            <dd>{formatParisDateTime(wave.opensAt)}</dd>
            {wave.deployedAt && (
              <>
                <dt>{t('waves.fact.deployedAt')}</dt>
                <dd>{formatParisDateTime(wave.deployedAt)}</dd>
              </>
            )}
            {wave.openedAt && (
              <>
                <dt>{t('waves.fact.openedAt')}</dt>
                <dd>{formatParisDateTime(wave.openedAt)}</dd>
              </>
            )}
            {wave.finishedAt && (
              <>
                <dt>{t('waves.fact.finishedAt')}</dt>
                <dd>{formatParisDateTime(wave.finishedAt)}</dd>
              </>
            )}
            <dt>{t('waves.fact.trainings')}</dt>
            <dd>
              {wave.trainings.length ? (
                <ul>
                  {wave.trainings.map((training) => (
                    <li key={`${training.title}-${training.startsAt}`}>
                      {training.eventId ? <Link href={`/evenements/${training.eventId}`}>{training.title}</Link> : training.title} —{' '}
                      {formatParisDateTime(training.startsAt)}, {training.place}
                    </li>
                  ))}
                </ul>
              ) : (
                t('waves.none.short')
              )}
            </dd>
          </dl>
        </section>

        <section className={`card ${styles.panel}`} aria-labelledby="vague-territoires">
          <div className={styles.panelHead}>
            <h2 id="vague-territoires">{t('waves.funnelHeading')}</h2>
          </div>
          <FunnelTable caption={t('numbers.caption', { scope: wave.name })} rows={federationRows(territories)} totals={sumTerritories(territories)} />
        </section>
        {draft && (
          <section className={`card ${styles.panel}`} aria-labelledby="vague-modifier">
            <div className={styles.panelHead}>
              <h2 id="vague-modifier">{t('waves.editHeading')}</h2>
            </div>
            <WaveForm action={updateWave} places={places} wave={wave} submitLabel={t('waves.save')} />
          </section>
        )}
      </div>
    </>
  );
}
