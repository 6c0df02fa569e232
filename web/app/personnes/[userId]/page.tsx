import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { Avatar } from '../../../components/people/Avatar';
import { ProfileFacts } from '../../../components/people/ProfileFacts';
import { BlockButton, WriteButton } from '../../../components/messaging/PersonMessaging';
import { FriendButton } from '../../../components/social/FriendButton';
import { StatusMessage } from '../../../components/ui/StatusMessage';
import { Icon } from '../../../components/ui/Icon';
import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import { t } from '../../../i18n';
import { refusalText } from '../../../i18n/errors';
import { isApiError } from '../../../lib/api';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import styles from './person.module.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ userId: string }> };

export const metadata: Metadata = { title: t('person.title') };

/** What the page can do without (the friendship's button): nothing shown, unless it is a redirect to sign in. */
const orNothing = (error: unknown) => {
  unstable_rethrow(error);
  return null;
};

/** Someone's profile, showing only what they let this viewer see (the API leaves the rest out). */
export default async function PersonPage({ params }: Props) {
  const { userId } = await params;
  const returnTo = `/personnes/${encodeURIComponent(userId)}`;
  const session = await requireSession(returnTo);
  let person;
  let friendship;
  let me;
  let blocks;
  try {
    // A malformed id is the profile's 404: the other answers are then not needed.
    [person, friendship, me, blocks] = await Promise.all([
      orNotFound(callAsSignedIn(session, returnTo, routes.getProfile, { params: { userId } })),
      callAsSignedIn(session, returnTo, routes.getFriendState, { params: { userId } }).catch(orNothing),
      callAsSignedIn(session, returnTo, routes.getMyProfile, {}).catch(orNothing),
      callAsSignedIn(session, returnTo, routes.listMyBlocks, {}).catch(orNothing),
    ]);
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

  const mine = me?.userId === userId;
  const name = `${person.givenName} ${person.familyName}`;
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <Avatar givenName={person.givenName} familyName={person.familyName} photoUrl={person.photoUrl} size={88} />
        <h1>
          {person.givenName} {person.familyName}
        </h1>
        {friendship && !mine && <FriendButton userId={userId} name={name} state={friendship.state} />}
        {me && !mine && (
          <div className={styles.actions}>
            <WriteButton userId={userId} name={name} back={returnTo} />
            {blocks && <BlockButton userId={userId} name={name} blocked={blocks.items.some((b) => b.userId === userId)} back={returnTo} />}
          </div>
        )}
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
