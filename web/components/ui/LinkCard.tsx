import Link from 'next/link';
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import styles from './LinkCard.module.css';

/** A card that is one link: the title carries the link, the whole card is its click target. */
export function LinkCard({
  href,
  title,
  icon,
  badge,
  meta,
  children,
  headingLevel = 3,
  compact = false,
}: {
  href: string;
  title: string;
  icon?: IconName;
  /** A short code shown in place of the icon, e.g. a département number. */
  badge?: string;
  meta?: ReactNode;
  children?: ReactNode;
  headingLevel?: 2 | 3;
  compact?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={compact ? `${styles.card} ${styles.compact}` : styles.card}>
      {badge ? (
        <span className={styles.badge} aria-hidden="true">
          {badge}
        </span>
      ) : icon ? (
        <span className={styles.icon}>
          <Icon name={icon} size={compact ? 20 : 22} />
        </span>
      ) : null}
      <div className={styles.body}>
        <Heading className={styles.title}>
          <Link href={href} className={styles.link}>
            {title}
          </Link>
        </Heading>
        {meta && <div className={styles.meta}>{meta}</div>}
        {children && <div className={styles.text}>{children}</div>}
      </div>
      <Icon name="arrowRight" size={20} className={styles.arrow} />
    </article>
  );
}
