import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { loadMembers, MembersView } from '../../../../components/people/MembersView';
import { federationHref, regionHref, sectionHref } from '../../../../components/territory/hrefs';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import type { Crumb } from '../../../../components/ui/Breadcrumb';
import { t } from '../../../../i18n';
import { callApi } from '../../../../lib/api';
import { orNotFound } from '../../../../lib/or-not-found';
import { param, type SearchParams } from '../../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import styles from '../../../../components/people/MembersView.module.css';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const metadata: Metadata = { title: t('members.sectionTitle') };

export default async function SectionMembersPage({ params, searchParams }: Props) {
  const { id } = await params;
  const cursor = param(await searchParams, 'cursor');
  const baseHref = `${sectionHref(id)}/membres`;
  const returnTo = cursor ? `${baseHref}?cursor=${encodeURIComponent(cursor)}` : baseHref;
  const session = await requireSession(returnTo);
  const section = await orNotFound(callApi(routes.getSection, { params: { sectionId: id } }));
  // A stale or tampered cursor is answered 400: the not-found page, as on the territory pages.
  const answer = await loadMembers(session, returnTo, () =>
    orNotFound(callAsSignedIn(session, returnTo, routes.listSectionMembers, { params: { sectionId: id }, query: { limit: PAGE_SIZE, cursor } })),
  );

  const breadcrumb: Crumb[] = [{ label: t('breadcrumb.territories'), href: '/territoires' }];
  if (section.regionCode && section.regionName) breadcrumb.push({ label: section.regionName, href: regionHref(section.regionCode) });
  breadcrumb.push({ label: section.federationName, href: federationHref(section.federationCode) });
  breadcrumb.push({ label: section.name, href: sectionHref(section.id) });
  breadcrumb.push({ label: t('members.crumb') });

  return (
    <>
      <TerritoryHeader breadcrumb={breadcrumb} icon="users" eyebrow={section.name} title={t('members.sectionHeading')} />
      <div className={`container ${styles.page}`}>
        <MembersView
          answer={answer}
          baseHref={baseHref}
          cursor={cursor}
          refusedText={t('members.sectionRefused')}
          backHref={sectionHref(section.id)}
          backLabel={t('members.backToSection')}
        />
      </div>
    </>
  );
}
