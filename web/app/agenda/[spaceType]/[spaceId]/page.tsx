import { routes, type SpaceType } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { t } from '../../../../i18n';
import { callApi } from '../../../../lib/api';
import { orNotFound } from '../../../../lib/or-not-found';
import { callAsSignedIn, requireSession, type Session } from '../../../../lib/session';
import { spaceName } from '../../../../lib/space-name';
import { createFeed } from '../../../evenements/actions';
import { EventList } from '../../../evenements/EventList';
import styles from '../../../evenements/events.module.css';
import { agendaHref, dashboardHref, newEventHref } from '../../../evenements/hrefs';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('agenda.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string }> };

/** A region has no events of its own: its agenda gathers its federations' next events. */
async function regionAgenda(session: Session, here: string, regionCode: string) {
  if (!/^\d{2,3}$/.test(regionCode)) notFound();
  const [region, page] = await Promise.all([
    orNotFound(callApi(routes.getRegion, { params: { regionCode } })),
    orNotFound(callAsSignedIn(session, here, routes.listRegionAgenda, { params: { regionCode }, query: { limit: 100 } })),
  ]);
  return { name: region.name, page };
}

/**
 * The agenda of a section, a federation, a group, a region or the national level: what the person
 * may see, from today on.
 */
export default async function SpaceAgendaPage({ params }: Props) {
  const { spaceType, spaceId } = await params;
  if (!['section', 'federation', 'national', 'group', 'region'].includes(spaceType)) notFound();
  const here = agendaHref(spaceType, spaceId);
  const session = await requireSession(here);
  const type = spaceType as SpaceType | 'region';
  const { name, page } =
    type === 'region'
      ? await regionAgenda(session, here, spaceId)
      : {
          name: await spaceName(session, here, type, spaceId),
          page: await orNotFound(callAsSignedIn(session, here, routes.listSpaceAgenda, { params: { spaceType: type, spaceId }, query: { limit: 100 } })),
        };
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <p className={styles.eyebrow}>{t('agenda.title')}</p>
        <h1>{t('agenda.heading', { space: name })}</h1>
        <div className={styles.buttons}>
          {type !== 'region' && (
            <>
              {'canOrganize' in page && page.canOrganize && (
                <Link href={newEventHref(type, spaceId)} className="button button-primary">
                  {t('agenda.new')}
                </Link>
              )}
              <ActionForm action={createFeed}>
                <Hidden name="scope" value={`${type}:${spaceId}`} />
                <Hidden name="returnTo" value={here} />
                <SubmitButton secondary>{t('agenda.subscribe')}</SubmitButton>
              </ActionForm>
            </>
          )}
          {type !== 'group' && (
            <Link href={dashboardHref(type, spaceId)} className="button button-secondary">
              {t('dashboard.title')}
            </Link>
          )}
        </div>
      </header>
      {type === 'region' && <p className={styles.muted}>{t('agenda.regionIntro')}</p>}
      <EventList events={page.items} empty={t('agenda.empty')} />
    </div>
  );
}
