import type { ReactNode } from 'react';
import styles from './StatusMessage.module.css';

/**
 * A whole-page message (not found, error): the page's one h1, a few words, a way out. Its icon comes
 * drawn: the error page is a client component, and draws only the one it shows (see `StatusMessage`).
 */
export function StatusCard({
  icon,
  code,
  title,
  text,
  footnote,
  children,
}: {
  icon: ReactNode;
  code?: string;
  title: string;
  text: string;
  footnote?: string;
  children: ReactNode;
}) {
  return (
    <div className={`container ${styles.wrap}`}>
      <div className={styles.card}>
        <span className={styles.icon}>{icon}</span>
        {code && (
          <p className={styles.code} aria-hidden="true">
            {code}
          </p>
        )}
        <h1 className={styles.title}>{title}</h1>
        <p className={styles.text}>{text}</p>
        <div className={styles.actions}>{children}</div>
        {footnote && <p className={styles.footnote}>{footnote}</p>}
      </div>
    </div>
  );
}
