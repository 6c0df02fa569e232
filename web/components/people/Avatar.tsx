import { initials } from './labels';
import styles from './people.module.css';

/** A person's photo, or their initials on a coloured disc. Decorative: their name is always next to it. */
export function Avatar({
  givenName,
  familyName,
  photoUrl,
  size = 48,
}: {
  givenName: string;
  familyName: string;
  photoUrl?: string | null;
  size?: number;
}) {
  if (photoUrl) {
    // A presigned URL of the files bucket, valid for an hour: not for Next's image optimizer.
    return <img src={photoUrl} alt="" width={size} height={size} className={styles.avatar} />;
  }
  return (
    <span className={`${styles.avatar} ${styles.initials}`} style={{ width: size, height: size, fontSize: size * 0.38 }} aria-hidden="true">
      {initials(givenName, familyName)}
    </span>
  );
}
