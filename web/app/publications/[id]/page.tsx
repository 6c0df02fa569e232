import { routes, type Comment } from '@coopol/contracts';
import type { Metadata } from 'next';
import { cache } from 'react';
import type { z } from 'zod';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { TextArea } from '../../../components/forms/TextArea';
import { TextField } from '../../../components/forms/TextField';
import { ContentMenu } from '../../../components/social/ContentMenu';
import { Byline, PostCard, When } from '../../../components/social/PostCard';
import styles from '../../../components/social/social.module.css';
import { t } from '../../../i18n';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, getSession, requireSession } from '../../../lib/session';
import { reportPost } from '../../moderation/actions';
import { addComment, deleteComment, editComment, setFollowing } from '../actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };
type CommentData = z.output<typeof Comment>;

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

/** One comment: who and when, its words, and for its author the « … » menu (edit, delete). */
function CommentBody({ comment }: { comment: CommentData }) {
  const body = <div className={styles.body} dangerouslySetInnerHTML={{ __html: comment.html }} />;
  return (
    <>
      <p className={styles.commentHead}>
        <Byline userId={comment.author.userId} name={comment.author.displayName} size={32} />
        <span className={styles.postMeta}>
          <When at={comment.createdAt} edited={comment.editedAt} />
        </span>
      </p>
      {comment.text === undefined ? (
        body
      ) : (
        <ContentMenu
          id={`commentaire-${comment.id}`}
          label={t('comments.actions')}
          confirmText={t('comments.deleteConfirm')}
          version={comment.editedAt ?? comment.createdAt}
          editor={
            <ActionForm action={editComment}>
              <Hidden name="postId" value={comment.postId} />
              <Hidden name="commentId" value={comment.id} />
              <TextArea name="text" label={t('comments.editLabel')} required maxLength={4000} rows={2} defaultValue={comment.text} />
              <SubmitButton>{t('post.save')}</SubmitButton>
            </ActionForm>
          }
          remover={
            <form action={deleteComment}>
              <Hidden name="postId" value={comment.postId} />
              <Hidden name="commentId" value={comment.id} />
              <button type="submit" className="button button-primary">
                {t('post.deleteYes')}
              </button>
            </form>
          }
        >
          {body}
        </ContentMenu>
      )}
    </>
  );
}

/** « Répondre »: a reply form behind a disclosure (works without JavaScript). */
function ReplyForm({ postId, to }: { postId: string; to: CommentData }) {
  return (
    <details className={styles.reply}>
      <summary aria-label={t('comments.replyTo', { name: to.author.displayName })}>{t('comments.reply')}</summary>
      <ActionForm action={addComment}>
        <Hidden name="postId" value={postId} />
        <Hidden name="parentId" value={to.id} />
        <TextArea name="text" label={t('comments.replyLabel', { name: to.author.displayName })} required maxLength={4000} rows={2} />
        <SubmitButton>{t('comments.replySubmit')}</SubmitButton>
      </ActionForm>
    </details>
  );
}

/**
 * One post with its whole conversation: comments in order, each with its replies (one level), the
 * comment form, and following (its state said, one button to change it).
 */
export default async function PostPage({ params }: Props) {
  const postId = (await params).id;
  const { post, comments } = await load(postId);
  const tops = comments.items.filter((c) => !c.parentId);
  const repliesTo = new Map<string, CommentData[]>();
  for (const reply of comments.items.filter((c) => c.parentId)) repliesTo.set(reply.parentId!, [...(repliesTo.get(reply.parentId!) ?? []), reply]);
  // Replies whose comment was deleted stay, under a line saying so.
  const orphans = [...repliesTo.keys()].filter((id) => !tops.some((c) => c.id === id));
  const following = post.following === true;
  return (
    <div className={`container section-block ${styles.stack}`}>
      <h1 className="visually-hidden">{t('post.title', { name: post.author.displayName })}</h1>
      <PostCard post={{ ...post, lastComment: undefined }} headingLevel={2} />
      <form action={setFollowing} className={styles.follow}>
        <Hidden name="postId" value={postId} />
        <Hidden name="follow" value={following ? 'non' : 'oui'} />
        <p>{following ? t('post.following') : t('post.notFollowing')}</p>
        <button type="submit" className={`button ${following ? 'button-secondary' : 'button-primary'}`} aria-pressed={following}>
          {following ? t('post.unfollow') : t('post.follow')}
        </button>
      </form>
      <section aria-labelledby="comments" className={styles.stack}>
        <h2 id="comments">{t('comments.heading')}</h2>
        {comments.items.length === 0 ? (
          <p>{t('comments.none')}</p>
        ) : (
          <ol className={styles.comments}>
            {tops.map((comment) => (
              <li key={comment.id} className={styles.comment}>
                <CommentBody comment={comment} />
                <Replies replies={repliesTo.get(comment.id)} to={comment} />
                <ReplyForm postId={postId} to={comment} />
              </li>
            ))}
            {orphans.map((id) => (
              <li key={id} className={styles.comment}>
                <p className={styles.postMeta}>{t('comments.removed')}</p>
                <Replies replies={repliesTo.get(id)} />
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

function Replies({ replies, to }: { replies?: CommentData[]; to?: CommentData }) {
  if (!replies?.length) return null;
  return (
    <ol className={styles.replies} aria-label={to ? t('comments.replies', { name: to.author.displayName }) : t('comments.heading')}>
      {replies.map((reply) => (
        <li key={reply.id} className={styles.comment}>
          <CommentBody comment={reply} />
        </li>
      ))}
    </ol>
  );
}
