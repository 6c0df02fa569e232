import type { ReactNode } from 'react';
import { Breadcrumb, type Crumb } from '../ui/Breadcrumb';
import { Icon, type IconName } from '../ui/Icon';
import styles from './TerritoryHeader.module.css';

/** The top band of a territory page: where we are, what it is, and its key facts as chips. */
export function TerritoryHeader({
  breadcrumb,
  icon,
  eyebrow,
  title,
  lead,
  children,
}: {
  /** Absent at the top of the hierarchy. */
  breadcrumb?: Crumb[];
  icon: IconName;
  eyebrow?: string;
  title: string;
  lead?: string;
  /** Chips: facts about the territory. */
  children?: ReactNode;
}) {
  return (
    <div className={styles.band}>
      <div className={`container ${styles.inner}`}>
        {breadcrumb && <Breadcrumb items={breadcrumb} />}
        <div className={styles.heading}>
          <span className={styles.icon}>
            <Icon name={icon} size={30} />
          </span>
          <div className={styles.titles}>
            {eyebrow && <p className={styles.eyebrow}>{eyebrow}</p>}
            <h1>{title}</h1>
          </div>
        </div>
        {lead && <p className="lead">{lead}</p>}
        {children && <div className={styles.chips}>{children}</div>}
      </div>
    </div>
  );
}
