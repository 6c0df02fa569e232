import { routes } from '@coopol/contracts';
import { moreFeed } from '../../app/publications/actions';
import { t } from '../../i18n';
import type { Session } from '../../lib/session';
import { callAsSignedIn } from '../../lib/session';
import { FirstStepsChecklist } from '../help/FirstStepsChecklist';
import { Composer } from './Composer';
import { LoadMore } from './LoadMore';
import { PostCard } from './PostCard';
import styles from './social.module.css';

/** The signed-in home: the composer (on one's profile) and the feed, newest first, with infinite scroll. */
export async function FeedHome({ session, userId, after }: { session: Session; userId: string; after?: string }) {
  const page = await callAsSignedIn(session, '/', routes.readFeed, { query: { limit: 20, ...(after && { cursor: after }) } });
  return (
    <section className="section-block" aria-labelledby="feed-title">
      <div className={`container ${styles.stack}`}>
        <div className="section-intro">
          <h2 id="feed-title">{t('feed.heading')}</h2>
          <p>{t('feed.intro')}</p>
        </div>
        <FirstStepsChecklist session={session} />
        <Composer spaceType="profile" spaceId={userId} back="/" />
        {page.items.length === 0 ? (
          <p>{t('feed.empty')}</p>
        ) : (
          <ul className={styles.feed} aria-label={t('feed.heading')}>
            {page.items.map((post) => (
              <li key={post.id}>
                <PostCard post={post} back="/" />
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor && <LoadMore cursor={page.nextCursor} load={moreFeed} listClassName={styles.feed} words={{ more: t('feed.loadMore'), loading: t('feed.loadingMore') }} />}
      </div>
    </section>
  );
}
