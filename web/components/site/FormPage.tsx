import type { ReactNode } from 'react';
import { Icon, type IconName } from '../ui/Icon';
import styles from './FormPage.module.css';

/** A page made of one form (sign-in, sign-up, codes): the page's one h1, a few words, the form, ways out. */
export function FormPage({
  icon,
  title,
  lead,
  notice,
  children,
  footer,
  wide = false,
}: {
  icon: IconName;
  title: string;
  lead?: ReactNode;
  /** A message about what just happened (address confirmed, password changed). */
  notice?: string;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`container ${styles.wrap}`}>
      <div className={wide ? `${styles.card} ${styles.wide}` : styles.card}>
        <div className={styles.head}>
          <span className={styles.icon}>
            <Icon name={icon} size={26} />
          </span>
          <h1 className={styles.title}>{title}</h1>
          {lead && <div className={styles.lead}>{lead}</div>}
        </div>
        {notice && (
          <p role="status" className="notice-success">
            <Icon name="check" size={22} />
            <span>{notice}</span>
          </p>
        )}
        {children}
        {footer && <div className={styles.footer}>{footer}</div>}
      </div>
    </div>
  );
}
