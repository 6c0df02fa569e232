import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { WriteButton } from '../../components/messaging/PersonMessaging';
import { FriendAction } from '../../components/social/FriendButton';
import { Byline } from '../../components/social/PostCard';
import styles from '../../components/social/social.module.css';
import { t, tc, type TextKey } from '../../i18n';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { HelpLink } from '../../components/help/HelpLink';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('friends.title') };

/** Why someone is suggested, as the API lets this viewer be told. */
function reasonOf(s: { reason: 'section' | 'group' | 'friend-of-friend'; mutualFriends?: number; groupName?: string }): string {
  if (s.reason === 'friend-of-friend' && s.mutualFriends) return tc('friends.mutual', s.mutualFriends);
  if (s.reason === 'group' && s.groupName) return t('friends.reason.groupNamed', { name: s.groupName });
  return t(`friends.reason.${s.reason}`);
}

/** Friends (« coopains »), requests both ways, and suggestions (same section, shared groups, friends of friends). */
export default async function FriendsPage() {
  const session = await requireSession('/coopains');
  const [friends, suggestions] = await Promise.all([
    callAsSignedIn(session, '/coopains', routes.listFriends, { query: { limit: 100 } }),
    callAsSignedIn(session, '/coopains', routes.friendSuggestions, {}),
  ]);
  const section = (state: 'received' | 'sent' | 'friends', heading: TextKey, actions: { action: string; label: TextKey }[]) => {
    const people = friends.items.filter((f) => f.state === state);
    return (
      <section aria-labelledby={`friends-${state}`}>
        <h2 id={`friends-${state}`}>{t(heading)}</h2>
        {people.length === 0 ? (
          <p>{t('friends.none')}</p>
        ) : (
          <ul className={styles.requests}>
            {people.map((f) => (
              <li key={f.userId} className={styles.request}>
                <Link href={`/personnes/${f.userId}`}>{f.displayName}</Link>
                {state === 'friends' && <WriteButton userId={f.userId} name={f.displayName} back="/coopains" />}
                {actions.map((a) => (
                  <FriendAction key={a.action} userId={f.userId} action={a.action} label={a.label} name={f.displayName} />
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  };
  return (
    <div className={`container section-block ${styles.stack}`}>
      <h1>
        {t('friends.title')}
        <HelpLink topic="inviter-des-coopains" />
      </h1>
      {section('received', 'friends.received', [
        { action: 'accept', label: 'friends.accept' },
        { action: 'remove', label: 'friends.decline' },
      ])}
      {section('friends', 'friends.friends', [{ action: 'remove', label: 'friends.remove' }])}
      {section('sent', 'friends.sent', [{ action: 'remove', label: 'friends.cancel' }])}
      <section aria-labelledby="friends-suggestions">
        <h2 id="friends-suggestions">{t('friends.suggestions')}</h2>
        {suggestions.items.length === 0 ? (
          <p>{t('friends.none')}</p>
        ) : (
          <ul className={styles.suggestions}>
            {suggestions.items.slice(0, 8).map((s) => (
              <li key={s.userId} className={styles.suggestion}>
                <span className={styles.commentHead}>
                  <Byline userId={s.userId} name={s.displayName} />
                </span>
                <span className={styles.reason}>{reasonOf(s)}</span>
                <FriendAction userId={s.userId} action="ask" label="friends.ask" name={s.displayName} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
