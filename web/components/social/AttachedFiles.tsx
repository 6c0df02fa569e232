import { fileSize } from './file-size';
import styles from './attached-files.module.css';

export interface AttachedFile {
  id: string;
  name: string;
  kind: 'image' | 'document';
  size: number;
  alt?: string;
}

/**
 * A post's or a message's files: images inline with their description, documents as downloads with
 * name and size. Both go through /pieces-jointes/<id>, which asks the API for a link of a few minutes
 * to whoever may read them (ADR 0014). Drawn by the server (a post) or in the browser (a message): the
 * words come from the caller's dictionary.
 */
export function AttachedFiles({
  files,
  words,
  compact = false,
  reportId,
}: {
  files: readonly AttachedFile[];
  words: { documents: string; download: (name: string) => string; imageNoAlt: (name: string) => string };
  /** In a message's bubble: smaller images. */
  compact?: boolean;
  /** A reported message's files, for its moderators: asked through the report. */
  reportId?: string;
}) {
  const href = (id: string) => `/pieces-jointes/${id}${reportId ? `?signalement=${reportId}` : ''}`;
  const images = files.filter((a) => a.kind === 'image');
  const documents = files.filter((a) => a.kind === 'document');
  return (
    <div className={`${styles.attachments} ${compact ? styles.compact : ''}`}>
      {images.map((image) => (
        <figure key={image.id} className={styles.attachedImage}>
          <img src={href(image.id)} alt={image.alt ?? words.imageNoAlt(image.name)} loading="lazy" />
          {image.alt && <figcaption>{image.alt}</figcaption>}
        </figure>
      ))}
      {documents.length > 0 && (
        <ul className={styles.documents} aria-label={words.documents}>
          {documents.map((document) => (
            <li key={document.id}>
              <a className={styles.document} href={href(document.id)} download={document.name}>
                <span>{words.download(document.name)}</span>
                <span>({fileSize(document.size)})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
