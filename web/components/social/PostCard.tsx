import { formatParisDateTimeShort, type Post } from '@coopol/contracts';
import Link from 'next/link';
import type { z } from 'zod';
import { deletePost, editPost } from '../../app/publications/actions';
import { t, tc } from '../../i18n';
import { ActionForm } from '../forms/ActionForm';
import { Hidden } from '../forms/Hidden';
import { SubmitButton } from '../forms/SubmitButton';
import { TextArea } from '../forms/TextArea';
import { Avatar } from '../people/Avatar';
import { LazyClickToLoad } from './LazyClickToLoad';
// The video placeholder's styles come with the page, so it is styled before its lazy script arrives.
import './posts-client.module.css';
import { AttachedFiles } from './AttachedFiles';
import { ContentMenu } from './ContentMenu';
import styles from './social.module.css';

type PostData = z.output<typeof Post>;

/** When something was written, as people read it. */
export function When({ at, edited }: { at: string; edited?: string }) {
  return (
    <>
      <time dateTime={at}>{formatParisDateTimeShort(at)}</time>
      {edited && <span> ({t('post.edited')})</span>}
    </>
  );
}

/** The page of a post's space, where there is one (national announcements have none). */
export function spaceHref(space: PostData['space']): string | undefined {
  switch (space.type) {
    case 'section':
      return `/sections/${space.id}`;
    case 'federation':
      return `/federations/${space.id}`;
    case 'group':
      return `/groupes/${space.id}`;
    case 'profile':
      return `/personnes/${space.id}`;
    default:
      return undefined;
  }
}

function SpaceName({ post }: { post: PostData }) {
  if (post.space.type === 'national') return <span>{t('post.space.national')}</span>;
  const name = post.spaceName ? t('post.inSpace', { name: post.spaceName }) : `${t('post.in')} ${t(`post.space.${post.space.type}`)}`;
  const href = spaceHref(post.space);
  return href ? <Link href={href}>{name}</Link> : <span>{name}</span>;
}

/** Someone's disc (initials: the photo follows each person's choices, which a list of posts does not read) and their name, linked to their profile. */
export function Byline({ userId, name, size = 40 }: { userId: string; name: string; size?: number }) {
  const [givenName = '', ...rest] = name.split(' ');
  return (
    <>
      <Avatar givenName={givenName} familyName={rest.join(' ')} size={size} />
      <Link href={`/personnes/${userId}`} className={styles.author}>
        {name}
      </Link>
    </>
  );
}

/**
 * One post. Its `html` was made safe by the API (escape-first rendering, ADR 0012) and is the only
 * markup inserted as is; everything else (names, the link's title and description) is text. The
 * link shows no image (it would make the reader's browser call the linked site); media wait for a click.
 * Its author (the API gives them the source `text`) edits or deletes it from its « … » menu.
 */
export function PostCard({ post, headingLevel = 3, back }: { post: PostData; headingLevel?: 2 | 3; back?: string }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const returnTo = back ?? `/publications/${post.id}`;
  const content = (
    <>
      {post.hidden && <p>{t('post.hidden')}</p>}
      <div className={styles.body} dangerouslySetInnerHTML={{ __html: post.html }} />
    </>
  );
  return (
    <article className={`${styles.post} ${post.hidden ? styles.hidden : ''}`} aria-labelledby={`post-${post.id}`}>
      <header className={styles.postHeader}>
        <Heading id={`post-${post.id}`} className={styles.postHead}>
          <Byline userId={post.author.userId} name={post.author.displayName} />
        </Heading>
        <p className={styles.postMeta}>
          <SpaceName post={post} /> · <When at={post.createdAt} edited={post.editedAt} />
        </p>
      </header>
      {post.text !== undefined ? (
        <ContentMenu
          id={`publication-${post.id}`}
          label={t('post.actions')}
          confirmText={t('post.deleteConfirm')}
          version={post.editedAt ?? post.createdAt}
          editor={
            <ActionForm action={editPost}>
              <Hidden name="postId" value={post.id} />
              <Hidden name="retour" value={returnTo} />
              <TextArea name="text" label={t('post.editLabel')} required maxLength={10000} rows={3} defaultValue={post.text} />
              <SubmitButton>{t('post.save')}</SubmitButton>
            </ActionForm>
          }
          remover={
            <form action={deletePost}>
              <Hidden name="postId" value={post.id} />
              <Hidden name="retour" value={returnTo} />
              <button type="submit" className="button button-primary">
                {t('post.deleteYes')}
              </button>
            </form>
          }
        >
          {content}
        </ContentMenu>
      ) : (
        content
      )}
      {post.link && (
        <a className={styles.linkCard} href={post.link.url} rel="nofollow noopener noreferrer ugc" target="_blank">
          <span className={styles.linkTitle}>{post.link.title ?? post.link.url}</span>
          {post.link.description && <span className={styles.linkDescription}>{post.link.description}</span>}
        </a>
      )}
      {post.embed && (
        <LazyClickToLoad
          embedUrl={post.embed.embedUrl}
          url={post.embed.url}
          words={{
            play: t('embed.play', { provider: post.embed.provider }),
            notice: t('embed.notice', { provider: post.embed.provider }),
            title: t('embed.title', { provider: post.embed.provider }),
          }}
        />
      )}
      {post.attachments && post.attachments.length > 0 && (
        <AttachedFiles
          files={post.attachments}
          words={{ documents: t('post.documents'), download: (name) => t('post.download', { name }), imageNoAlt: (name) => t('post.imageNoAlt', { name }) }}
        />
      )}
      {post.lastComment && (
        <div className={styles.lastComment}>
          <p>{t('post.lastComment', { name: post.lastComment.authorName })}</p>
          <div dangerouslySetInnerHTML={{ __html: post.lastComment.html }} />
        </div>
      )}
      <p className={styles.postFoot}>
        <Link href={`/publications/${post.id}`}>{tc('post.comments', post.commentCount)}</Link>
      </p>
    </article>
  );
}
