import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Hidden } from '../../components/forms/fields';
import styles from '../../components/social/social.module.css';
import { t, type TextKey } from '../../i18n';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { changeFriendship } from './actions';
import { HelpLink } from '../../components/help/HelpLink';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('friends.title') };

function Button({ userId, action, label, name }: { userId: string; action: string; label: TextKey; name: string }) {
  return (
    <form action={changeFriendship} className={styles.inline}>
      <Hidden name="userId" value={userId} />
      <Hidden name="action" value={action} />
      <button type="submit" className="button button-secondary" aria-label={`${t(label)} : ${name}`}>
        {t(label)}
      </button>
    </form>
  );
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
                {actions.map((a) => (
                  <Button key={a.action} userId={f.userId} action={a.action} label={a.label} name={f.displayName} />
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
          <ul className={styles.requests}>
            {suggestions.items.map((s) => (
              <li key={s.userId} className={styles.request}>
                <Link href={`/personnes/${s.userId}`}>{s.displayName}</Link> ({t(`friends.reason.${s.reason}`)})
                <Button userId={s.userId} action="ask" label="friends.ask" name={s.displayName} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
