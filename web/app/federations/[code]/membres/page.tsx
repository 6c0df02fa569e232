import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { loadMembers, MembersView } from '../../../../components/people/MembersView';
import { federationHref, regionHref } from '../../../../components/territory/hrefs';
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

type Props = { params: Promise<{ code: string }>; searchParams: SearchParams };

export const metadata: Metadata = { title: t('members.federationTitle') };

export default async function FederationMembersPage({ params, searchParams }: Props) {
  const { code } = await params;
  const cursor = param(await searchParams, 'cursor');
  const baseHref = `${federationHref(code)}/membres`;
  const returnTo = cursor ? `${baseHref}?cursor=${encodeURIComponent(cursor)}` : baseHref;
  const session = await requireSession(returnTo);
  const federation = await orNotFound(callApi(routes.getFederation, { params: { federationCode: code } }));
  const answer = await loadMembers(session, returnTo, () =>
    orNotFound(
      callAsSignedIn(session, returnTo, routes.listFederationMembers, { params: { federationCode: code }, query: { limit: PAGE_SIZE, cursor } }),
    ),
  );

  const breadcrumb: Crumb[] = [{ label: t('breadcrumb.territories'), href: '/territoires' }];
  if (federation.regionCode && federation.regionName) breadcrumb.push({ label: federation.regionName, href: regionHref(federation.regionCode) });
  breadcrumb.push({ label: federation.name, href: federationHref(federation.code) });
  breadcrumb.push({ label: t('members.crumb') });

  return (
    <>
      <TerritoryHeader breadcrumb={breadcrumb} icon="users" eyebrow={federation.name} title={t('members.federationHeading')} />
      <div className={`container ${styles.page}`}>
        <MembersView
          answer={answer}
          baseHref={baseHref}
          cursor={cursor}
          refusedText={t('members.federationRefused')}
          backHref={federationHref(federation.code)}
          backLabel={t('members.backToFederation')}
        />
      </div>
    </>
  );
}
