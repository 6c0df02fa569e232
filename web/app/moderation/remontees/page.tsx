import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { ReportList } from '../../../components/social/ReportCard';
import styles from '../../../components/social/social.module.css';
import { t } from '../../../i18n';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Signalements remontés' };

/** The reports moderators passed on to the national team (national admins only; anyone else: not found). */
export default async function EscalationsPage() {
  const back = '/moderation/remontees';
  const session = await requireSession(back);
  const reports = await orNotFound(callAsSignedIn(session, back, routes.listEscalations, { query: { limit: 30 } }), { forbidden: true });
  return (
    <div className={`container section-block ${styles.stack}`}>
      <div className="section-intro">
        <h1>{t('moderation.escalations')}</h1>
        <p>{t('moderation.escalationsIntro')}</p>
      </div>
      <ReportList session={session} reports={reports.items} back={back} />
    </div>
  );
}
