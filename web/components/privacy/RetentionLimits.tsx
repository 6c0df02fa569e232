import styles from './RetentionLimits.module.css';

/** The written limits, from the same constants the code enforces (functions/src/domain/privacy/retention.ts). */
export function RetentionLimits({ limits }: { limits: { id: string; label: string; limit: string }[] }) {
  return (
    <dl className={styles.limits}>
      {limits.map((limit) => (
        <div key={limit.id} className={styles.limit}>
          <dt>{limit.label}</dt>
          <dd>{limit.limit}</dd>
        </div>
      ))}
    </dl>
  );
}
