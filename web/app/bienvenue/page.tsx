import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { HelpLink } from '../../components/help/HelpLink';
import { FunctionFields, InterestFields } from '../../components/people/ProfileFields';
import { PhotoUpload } from '../../components/people/PhotoUpload';
import { FormPage } from '../../components/site/FormPage';
import { federationHref, sectionHref } from '../../components/territory/hrefs';
import { t } from '../../i18n';
import { onboardingStep } from '../../lib/onboarding';
import { param, type SearchParams } from '../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { safeNextPath } from '../../lib/session-core';
import { changeFriendship } from '../coopains/actions';
import { changeStanding } from '../groupes/actions';
import { completeOnboarding, confirmPhotoUpload, preparePhotoUpload, saveOnboardingAnswers } from '../profil/actions';
import styles from './bienvenue.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('welcome.title') };

const stepNames = ['welcome.step.photo', 'welcome.step.interests', 'welcome.step.suggestions'] as const;

/**
 * After the first sign-in, three short steps: a photo, interests (and party functions, for members),
 * then groups and coopains to join; it ends on the feed, where « Premiers pas » carries on.
 */
export default async function WelcomePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const suite = param(params, 'suite');
  const step = Math.min(3, Math.max(1, Number(param(params, 'etape')) || 1)) as 1 | 2 | 3;
  const returnTo = onboardingStep(step, suite);
  const session = await requireSession(returnTo);
  const profile = await callAsSignedIn(session, returnTo, routes.getMyProfile, {});
  if (profile.onboarded) redirect(safeNextPath(suite, '/'));
  const member = profile.status === 'adherent';

  const progress = (
    <ol className={styles.progress} aria-label={t('welcome.progress', { step })}>
      {stepNames.map((name, index) => (
        <li key={name} aria-current={index + 1 === step ? 'step' : undefined} className={index + 1 <= step ? styles.reached : undefined}>
          <span className={styles.number} aria-hidden="true">
            {index + 1}
          </span>
          {t(name)}
        </li>
      ))}
    </ol>
  );

  if (step === 1) {
    const place =
      member && profile.sectionId && profile.sectionName ? (
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
      <FormPage icon="star" title={t('welcome.heading', { name: profile.givenName })} wide lead={<>{place}<p>{t('welcome.lead')}</p></>}>
        {progress}
        <section aria-labelledby="welcome-photo" className={styles.step}>
          <h2 id="welcome-photo">{t('welcome.photoHeading')}</h2>
          <p>{t('welcome.photoLead')}</p>
          <PhotoUpload prepare={preparePhotoUpload} confirm={confirmPhotoUpload} label={profile.photoUrl ? t('profile.photoChange') : t('profile.photoAdd')} />
        </section>
        <p className={styles.next}>
          <Link href={onboardingStep(2, suite)} className="button button-primary">
            {profile.photoUrl ? t('welcome.continue') : t('welcome.skipPhoto')}
          </Link>
        </p>
      </FormPage>
    );
  }

  if (step === 2) {
    return (
      <FormPage icon="star" title={t('welcome.interestsTitle')} wide lead={<p>{member ? t('welcome.interestsLeadMember') : t('welcome.interestsLead')}</p>}>
        {progress}
        <ActionForm action={saveOnboardingAnswers}>
          <Hidden name="suite" value={suite ?? ''} />
          <InterestFields profile={profile} />
          {/* Party functions are a member's: a supporter is not asked them. */}
          {member && <FunctionFields profile={profile} />}
          <p className={styles.privacy}>
            {t('welcome.privacy')}
            <HelpLink topic="regler-qui-voit-mon-profil" />
          </p>
          <SubmitButton>{t('welcome.continue')}</SubmitButton>
        </ActionForm>
        <p>
          <Link href={onboardingStep(1, suite)}>{t('welcome.back')}</Link>
        </p>
      </FormPage>
    );
  }

  const [groups, people] = await Promise.all([
    callAsSignedIn(session, returnTo, routes.groupSuggestions, {}),
    callAsSignedIn(session, returnTo, routes.friendSuggestions, {}),
  ]);
  return (
    <FormPage icon="star" title={t('welcome.suggestionsTitle')} wide lead={<p>{t('welcome.suggestionsLead')}</p>}>
      {progress}
      <section aria-labelledby="welcome-groups" className={styles.step}>
        <h2 id="welcome-groups">{t('welcome.groupsHeading')}</h2>
        {groups.items.length === 0 ? (
          <p>{t('welcome.noGroup')}</p>
        ) : (
          <ul className={styles.cards}>
            {groups.items.map(({ group, interest }) => (
              <li key={group.id} className={styles.card}>
                <Link href={`/groupes/${group.id}`} className={styles.cardTitle}>
                  {group.name}
                </Link>
                <span className={styles.reason}>
                  {interest ? t('welcome.groupBecause', { interest }) : t('welcome.groupMembers', { count: group.memberCount })}
                </span>
                <form action={changeStanding}>
                  <Hidden name="groupId" value={group.id} />
                  <Hidden name="action" value="join" />
                  <button type="submit" className="button button-secondary" aria-label={`${t(group.kind === 'open' ? 'groups.join' : 'groups.request')} : ${group.name}`}>
                    {t(group.kind === 'open' ? 'groups.join' : 'groups.request')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="welcome-people" className={styles.step}>
        <h2 id="welcome-people">{t('welcome.peopleHeading')}</h2>
        {people.items.length === 0 ? (
          <p>{t('welcome.noPeople')}</p>
        ) : (
          <ul className={styles.cards}>
            {people.items.slice(0, 5).map((person) => (
              <li key={person.userId} className={styles.card}>
                <Link href={`/personnes/${person.userId}`} className={styles.cardTitle}>
                  {person.displayName}
                </Link>
                <span className={styles.reason}>{t(`friends.reason.${person.reason}`)}</span>
                <form action={changeFriendship}>
                  <Hidden name="userId" value={person.userId} />
                  <Hidden name="action" value="ask" />
                  <button type="submit" className="button button-secondary" aria-label={`${t('friends.ask')} : ${person.displayName}`}>
                    {t('friends.ask')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form action={completeOnboarding} className={styles.next}>
        <Hidden name="suite" value={suite ?? ''} />
        <button type="submit" className="button button-primary">
          {t('welcome.finish')}
        </button>
      </form>
      <p>
        <Link href={onboardingStep(2, suite)}>{t('welcome.back')}</Link>
      </p>
    </FormPage>
  );
}
