import { routes } from '@coopol/contracts';
import Link from 'next/link';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, getSession } from '../../lib/session';
import { Composer } from './Composer';
import { PostCard } from './PostCard';
import styles from './social.module.css';
import { HelpLink } from '../help/HelpLink';

/**
 * A section's or federation's posts and the composer, for the people the API lets read them; nothing
 * at all for anyone else (signed out, a supporter on a section page, another section's member).
 */
export async function SpacePosts({ spaceType, spaceId, back }: { spaceType: 'section' | 'federation'; spaceId: string; back: string }) {
  const session = await getSession();
  if (!session) return null;
  const page = await callAsSignedIn(session, back, routes.listSpacePosts, { params: { spaceType, spaceId }, query: { limit: 20 } }).catch((error: unknown) => {
    if (isApiError(error, 403) || isApiError(error, 404)) return null;
    throw error;
  });
  if (!page) return null;
  // The space's moderators (its secretary, the officials above) get the way to its reports.
  const moderator = await callAsSignedIn(session, back, routes.listSpaceReports, { params: { spaceType, spaceId }, query: { limit: 1 } }).then(
    () => true,
    () => false,
  );
  return (
    <section aria-labelledby="space-posts" className={styles.stack}>
      <h2 id="space-posts">
        {t('space.posts')}
        <HelpLink topic="publier-dans-ma-section" />
      </h2>
      {moderator && <Link href={`/moderation/${spaceType}/${spaceId}`}>{t('moderation.spaceReports')}</Link>}
      <Composer spaceType={spaceType} spaceId={spaceId} back={back} />
      <ul className={styles.feed}>
        {page.items.map((post) => (
          <li key={post.id}>
            <PostCard post={post} back={back} />
          </li>
        ))}
      </ul>
    </section>
  );
}
