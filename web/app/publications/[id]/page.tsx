import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { cache } from 'react';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden, SubmitButton, TextArea, TextField } from '../../../components/forms/fields';
import { PostCard } from '../../../components/social/PostCard';
import styles from '../../../components/social/social.module.css';
import { t } from '../../../i18n';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, getSession, requireSession } from '../../../lib/session';
import { reportPost } from '../../moderation/actions';
import { addComment, setFollowing } from '../actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const load = cache(async (postId: string) => {
  const back = `/publications/${postId}`;
  const session = await requireSession(back);
  const [post, comments] = await Promise.all([
    orNotFound(callAsSignedIn(session, back, routes.getPost, { params: { postId } })),
    orNotFound(callAsSignedIn(session, back, routes.listComments, { params: { postId }, query: { limit: 100 } })),
  ]);
  return { post, comments };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await getSession())) return { title: t('comments.heading') };
  return { title: t('post.title', { name: (await load((await params).id)).post.author.displayName }) };
}

/** One post with its whole conversation, the comment form and following. */
export default async function PostPage({ params }: Props) {
  const postId = (await params).id;
  const { post, comments } = await load(postId);
  return (
    <div className={`container section-block ${styles.stack}`}>
      <h1 className="visually-hidden">{t('post.title', { name: post.author.displayName })}</h1>
      <PostCard post={{ ...post, lastComment: undefined }} headingLevel={2} />
      <form action={setFollowing}>
        <Hidden name="postId" value={postId} />
        <Hidden name="follow" value="oui" />
        <button type="submit" className="button button-secondary">{t('post.follow')}</button>
      </form>
      <section aria-labelledby="comments">
        <h2 id="comments">{t('comments.heading')}</h2>
        {comments.items.length === 0 ? (
          <p>{t('comments.none')}</p>
        ) : (
          <ol className={styles.feed}>
            {comments.items.map((comment) => (
              <li key={comment.id} className={styles.post}>
                <p className={styles.postHead}>
                  <span className={styles.author}>{comment.author.displayName}</span>
                </p>
                <div className={styles.body} dangerouslySetInnerHTML={{ __html: comment.html }} />
              </li>
            ))}
          </ol>
        )}
        <ActionForm action={addComment}>
          <Hidden name="postId" value={postId} />
          <TextArea name="text" label={t('comments.label')} required maxLength={4000} rows={3} />
          <SubmitButton>{t('comments.submit')}</SubmitButton>
        </ActionForm>
      </section>
      <details className={styles.reportForm}>
        <summary>{t('moderation.report')}</summary>
        <ActionForm action={reportPost}>
          <Hidden name="postId" value={postId} />
          <TextField name="reason" label={t('moderation.reportReason')} required />
          <SubmitButton>{t('moderation.reportSubmit')}</SubmitButton>
        </ActionForm>
      </details>
    </div>
  );
}
