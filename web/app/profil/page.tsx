import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { PostalCodeField } from '../../components/forms/preset-fields';
import { TextField } from '../../components/forms/TextField';
import formStyles from '../../components/forms/forms.module.css';
import { Avatar } from '../../components/people/Avatar';
import { roleLabel, statusLabel } from '../../components/people/labels';
import { personHref } from '../../components/people/MemberList';
import { PhotoUpload } from '../../components/people/PhotoUpload';
import { BlockedPeople } from '../../components/messaging/BlockedPeople';
import { ProfileFacts } from '../../components/people/ProfileFacts';
import { ProfileFields } from '../../components/people/ProfileFields';
import { federationHref, sectionHref } from '../../components/territory/hrefs';
import { Icon } from '../../components/ui/Icon';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { confirmPhotoUpload, preparePhotoUpload, signOutEverywhere, updateProfile } from './actions';
import styles from './profil.module.css';
import { HelpLink } from '../../components/help/HelpLink';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('profile.title') };

export default async function MyProfilePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const session = await requireSession('/profil');
  const [profile, blocks] = await Promise.all([
    callAsSignedIn(session, '/profil', routes.getMyProfile, {}),
    callAsSignedIn(session, '/profil', routes.listMyBlocks, {}),
  ]);
  const notice = param(params, 'bienvenue')
    ? t('profile.welcomeDone')
    : param(params, 'double-authentification')
      ? t('profile.mfaDone')
      : undefined;
  const hasRoles = profile.roles.length > 0;

  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <Avatar givenName={profile.givenName} familyName={profile.familyName} photoUrl={profile.photoUrl} size={88} />
        <div className={styles.titles}>
          <p className={styles.eyebrow}>{t('profile.eyebrow')}</p>
          <h1>
            {profile.givenName} {profile.familyName}
          </h1>
          <div className={styles.chips}>
            <span className="chip">{statusLabel(profile.status)}</span>
            {profile.sectionId && profile.sectionName && (
              <Link href={sectionHref(profile.sectionId)} className="chip chip-neutral">
                <Icon name="users" size={16} />
                {profile.sectionName}
              </Link>
            )}
            <Link href={federationHref(profile.federationCode)} className="chip chip-neutral">
              <Icon name="landmark" size={16} />
              {profile.federationName}
            </Link>
          </div>
        </div>
      </header>

      {notice && (
        <p role="status" className="notice-success">
          <Icon name="check" size={22} />
          <span>{notice}</span>
        </p>
      )}

      <div className={styles.columns}>
        <div className={styles.side}>
          <section className={`card ${styles.card}`} aria-labelledby="photo-title">
            <h2 id="photo-title" className={styles.cardTitle}>
              {t('profile.photoHeading')}
            </h2>
            <PhotoUpload prepare={preparePhotoUpload} confirm={confirmPhotoUpload} label={profile.photoUrl ? t('profile.photoChange') : t('profile.photoAdd')} />
          </section>

          <section className={`card ${styles.card}`} aria-labelledby="facts-title">
            <h2 id="facts-title" className={styles.cardTitle}>
              {t('profile.factsHeading')}
            </h2>
            <ProfileFacts
              profile={{
                status: profile.status,
                sectionId: profile.sectionId,
                sectionName: profile.sectionName,
                federationCode: profile.federationCode,
                federationName: profile.federationName,
                functions: profile.functions,
                otherFunction: profile.otherFunction,
                mandates: profile.mandates,
                interests: profile.interests,
                email: profile.email,
              }}
              emptyText=""
            />
            {profile.memberNumber && <p className={styles.small}>{t('profile.memberNumber', { number: profile.memberNumber })}</p>}
            <p>
              <Link href={personHref(profile.userId)}>{t('profile.seeAsOthers')}</Link>
            </p>
          </section>

          <section className={`card ${styles.card}`} aria-labelledby="security-title">
            <h2 id="security-title" className={styles.cardTitle}>
              {t('profile.securityHeading')}
            </h2>
            {hasRoles && (
              <>
                <p>{t('profile.rolesIntro')}</p>
                <ul className={styles.roles}>
                  {profile.roles.map((grant) => (
                    <li key={`${grant.role}-${grant.scopeType}-${grant.scopeId}`}>{roleLabel(grant.role)}</li>
                  ))}
                </ul>
              </>
            )}
            {profile.mfaEnabled ? (
              <p className={styles.ok}>
                <Icon name="shield" size={20} />
                {t('profile.mfaOn')}
              </p>
            ) : (
              <>
                <p>{hasRoles ? t('profile.mfaNeeded') : t('profile.mfaOffer')}</p>
                <p>
                  <Link href="/profil/double-authentification" className="button button-secondary">
                    <Icon name="shield" size={20} />
                    {t('profile.mfaTurnOn')}
                  </Link>
                </p>
              </>
            )}
            <p className={styles.everywhere}>
              <Link href="/profil/donnees">{t('myData.link')}</Link>
            </p>
            <form action={signOutEverywhere} className={styles.everywhere}>
              <p className={styles.small}>{t('profile.signOutEverywhereHint')}</p>
              <button type="submit" className="button button-secondary">
                <Icon name="logOut" size={20} />
                {t('profile.signOutEverywhere')}
              </button>
            </form>
          </section>

          <BlockedPeople blocks={blocks.items} />
        </div>

        <section className={`card ${styles.card} ${styles.main}`} aria-labelledby="edit-title">
          <h2 id="edit-title" className={styles.cardTitle}>
            {t('profile.editHeading')}
            <HelpLink topic="regler-qui-voit-mon-profil" />
          </h2>
          <ActionForm action={updateProfile}>
            <div className={formStyles.groupHead}>
              <p>{t('profile.editIntro')}</p>
            </div>
            <TextField name="givenName" label={t('field.givenName')} autoComplete="given-name" defaultValue={profile.givenName} required maxLength={80} />
            <TextField name="familyName" label={t('field.familyName')} autoComplete="family-name" defaultValue={profile.familyName} required maxLength={80} />
            {profile.status === 'sympathisant' && (
              <PostalCodeField label={t('profile.newPostalCode')} hint={t('profile.newPostalCodeHint', { federation: profile.federationName })} />
            )}
            <ProfileFields profile={profile} />
            <SubmitButton>{t('profile.submit')}</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </div>
  );
}
