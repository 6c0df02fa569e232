import Link from 'next/link';
import { t } from '../../i18n';
import { Icon } from './Icon';
import styles from './Breadcrumb.module.css';

export interface Crumb {
  label: string;
  /** Absent on the current page, the last crumb. */
  href?: string;
}

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label={t('breadcrumb.label')} className={styles.breadcrumb}>
      <ol className={styles.list}>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className={styles.item}>
            {index > 0 && <Icon name="chevronRight" size={16} className={styles.separator} />}
            {item.href ? (
              <Link href={item.href}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
