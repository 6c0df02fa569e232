import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { Avatar } from '../../../components/people/Avatar';
import { ProfileFacts } from '../../../components/people/ProfileFacts';
import { StatusMessage } from '../../../components/ui/StatusMessage';
import { Icon } from '../../../components/ui/Icon';
import Link from 'next/link';
import { t } from '../../../i18n';
import { refusalText } from '../../../i18n/errors';
import { isApiError } from '../../../lib/api';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import styles from './person.module.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ userId: string }> };

export const metadata: Metadata = { title: t('person.title') };

/** Someone's profile, showing only what they let this viewer see (the API leaves the rest out). */
export default async function PersonPage({ params }: Props) {
  const { userId } = await params;
  const returnTo = `/personnes/${encodeURIComponent(userId)}`;
  const session = await requireSession(returnTo);
  let person;
  try {
    person = await orNotFound(callAsSignedIn(session, returnTo, routes.getProfile, { params: { userId } }));
  } catch (error) {
    if (!isApiError(error, 403)) throw error;
    return (
      <StatusMessage icon="lock" title={t('person.forbiddenHeading')} text={refusalText(error)}>
        <Link href="/profil" className="button button-primary">
          {t('person.myProfile')}
        </Link>
      </StatusMessage>
    );
  }

  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <Avatar givenName={person.givenName} familyName={person.familyName} photoUrl={person.photoUrl} size={88} />
        <h1>
          {person.givenName} {person.familyName}
        </h1>
      </header>
      <section className={`card ${styles.card}`} aria-labelledby="facts-title">
        <h2 id="facts-title" className={styles.cardTitle}>
          {t('person.factsHeading')}
        </h2>
        <ProfileFacts profile={person} emptyText={t('person.nothingShown', { name: person.givenName })} />
        <p className={styles.note}>
          <Icon name="lock" size={18} />
          <span>{t('person.privacyNote', { name: person.givenName })}</span>
        </p>
      </section>
    </div>
  );
}
