import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden, SubmitButton } from '../../components/forms/fields';
import { ProfileFields } from '../../components/people/ProfileFields';
import { FormPage } from '../../components/site/FormPage';
import { federationHref, sectionHref } from '../../components/territory/hrefs';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { safeNextPath } from '../../lib/session-core';
import { completeOnboarding } from '../profil/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('welcome.title') };

/** After the first sign-in: where the person belongs, their profile, and who sees what. */
export default async function WelcomePage({ searchParams }: { searchParams: SearchParams }) {
  const suite = param(await searchParams, 'suite');
  const returnTo = suite ? `/bienvenue?suite=${encodeURIComponent(suite)}` : '/bienvenue';
  const session = await requireSession(returnTo);
  const profile = await callAsSignedIn(session, returnTo, routes.getMyProfile, {});
  const next = safeNextPath(suite, '/profil?bienvenue=1');
  if (profile.onboarded) redirect(next);

  const place =
    profile.status === 'adherent' && profile.sectionId && profile.sectionName ? (
      <p>
        {t('welcome.member')} <Link href={sectionHref(profile.sectionId)}>{profile.sectionName}</Link> (
        <Link href={federationHref(profile.federationCode)}>{profile.federationName}</Link>).
      </p>
    ) : (
      <p>
        {t('welcome.supporter')} <Link href={federationHref(profile.federationCode)}>{profile.federationName}</Link>.
      </p>
    );

  return (
    <FormPage
      icon="star"
      title={t('welcome.heading', { name: profile.givenName })}
      wide
      lead={
        <>
          {place}
          <p>{t('welcome.lead')}</p>
        </>
      }
    >
      <ActionForm action={completeOnboarding}>
        <Hidden name="suite" value={next} />
        <ProfileFields profile={profile} />
        <SubmitButton>{t('welcome.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
