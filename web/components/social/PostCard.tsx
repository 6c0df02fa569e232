import { formatParisDateTimeShort, type Post } from '@coopol/contracts';
import Link from 'next/link';
import type { z } from 'zod';
import { t, tc } from '../../i18n';
import { ClickToLoad } from './ClickToLoad';
import { fileSize } from './file-size';
import styles from './social.module.css';

type PostData = z.output<typeof Post>;


function spaceLabel(post: PostData): string {
  if (post.space.type === 'national') return t('post.space.national');
  return `${t('post.in')} ${t(`post.space.${post.space.type}`)}`;
}

/**
 * One post. Its `html` was made safe by the API (escape-first rendering, ADR 0012) and is the only
 * markup inserted as is; everything else (names, the link's title and description) is text. The
 * link shows no image (it would make the reader's browser call the linked site); media wait for a click.
 */
export function PostCard({ post, headingLevel = 3 }: { post: PostData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={`${styles.post} ${post.hidden ? styles.hidden : ''}`} aria-labelledby={`post-${post.id}`}>
      <Heading id={`post-${post.id}`} className={styles.postHead}>
        <span className={styles.author}>{post.author.displayName}</span>
        <span>{spaceLabel(post)}</span>
        <time dateTime={post.createdAt}>{formatParisDateTimeShort(post.createdAt)}</time>
        {post.editedAt && <span>({t('post.edited')})</span>}
      </Heading>
      {post.hidden && <p>{t('post.hidden')}</p>}
      <div className={styles.body} dangerouslySetInnerHTML={{ __html: post.html }} />
      {post.link && (
        <a className={styles.linkCard} href={post.link.url} rel="nofollow noopener noreferrer ugc" target="_blank">
          <span className={styles.linkTitle}>{post.link.title ?? post.link.url}</span>
          {post.link.description && <span className={styles.linkDescription}>{post.link.description}</span>}
        </a>
      )}
      {post.embed && <ClickToLoad provider={post.embed.provider} embedUrl={post.embed.embedUrl} url={post.embed.url} />}
      {post.attachments && post.attachments.length > 0 && <Attachments attachments={post.attachments} />}
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

/**
 * A post's files: images inline with their description, documents as downloads with name and size.
 * Both go through /pieces-jointes/<id>, which asks the API for a link of a few minutes (ADR 0014).
 */
function Attachments({ attachments }: { attachments: NonNullable<PostData['attachments']> }) {
  const images = attachments.filter((a) => a.kind === 'image');
  const documents = attachments.filter((a) => a.kind === 'document');
  return (
    <div className={styles.attachments}>
      {images.map((image) => (
        <figure key={image.id} className={styles.attachedImage}>
          <img src={`/pieces-jointes/${image.id}`} alt={image.alt ?? t('post.imageNoAlt', { name: image.name })} loading="lazy" />
          {image.alt && <figcaption>{image.alt}</figcaption>}
        </figure>
      ))}
      {documents.length > 0 && (
        <ul className={styles.documents} aria-label={t('post.documents')}>
          {documents.map((document) => (
            <li key={document.id}>
              <a className={styles.document} href={`/pieces-jointes/${document.id}`} download={document.name}>
                <span>{t('post.download', { name: document.name })}</span>
                <span>({fileSize(document.size)})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
