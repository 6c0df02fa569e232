import { routes, type ContentReport } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { z } from 'zod';
import { BlockList } from '../../../../components/social/BlockList';
import { ReportList } from '../../../../components/social/ReportCard';
import styles from '../../../../components/social/social.module.css';
import { t } from '../../../../i18n';
import { orNotFound } from '../../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Signalements' };

type Props = { params: Promise<{ spaceType: string; spaceId: string }> };
type SpaceType = z.output<typeof ContentReport>['space']['type'];

/**
 * A space's reports for its moderators (section secretaries and the officials above, group
 * managers): each with the reported post, and the buttons to hide it, pass it on to the national
 * team, or block its author from posting here; then who is blocked here, to unblock. Anyone else
 * gets the not-found page.
 */
export default async function SpaceReportsPage({ params }: Props) {
  const { spaceType, spaceId } = (await params) as { spaceType: SpaceType; spaceId: string };
  const back = `/moderation/${spaceType}/${spaceId}`;
  const session = await requireSession(back);
  const [reports, blocks] = await Promise.all([
    orNotFound(callAsSignedIn(session, back, routes.listSpaceReports, { params: { spaceType, spaceId }, query: { limit: 30 } }), { forbidden: true }),
    orNotFound(callAsSignedIn(session, back, routes.listSpaceBlocks, { params: { spaceType, spaceId }, query: { limit: 100 } }), { forbidden: true }),
  ]);
  const spaceHref = spaceType === 'group' ? `/groupes/${spaceId}` : spaceType === 'section' ? `/sections/${spaceId}` : null;

  return (
    <div className={`container section-block ${styles.stack}`}>
      <div className="section-intro">
        <h1>{t('moderation.title')}</h1>
        <p>{t('moderation.intro')}</p>
        {spaceHref && <Link href={spaceHref}>{t('moderation.backToSpace')}</Link>}
      </div>
      <ReportList session={session} reports={reports.items} back={back} />
      <BlockList blocks={blocks.items} space={{ spaceType, spaceId }} back={back} />
    </div>
  );
}
