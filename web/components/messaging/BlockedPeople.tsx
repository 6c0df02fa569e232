import { formatParisDate } from '@coopol/contracts';
import Link from 'next/link';
import { changeBlock } from '../../app/messages/actions';
import { t } from '../../i18n';
import { Hidden } from '../forms/Hidden';
import styles from './person-messaging.module.css';

/** « Personnes bloquées » on one's profile, beside « Qui peut m’écrire », each with « Débloquer ». */
export function BlockedPeople({ blocks }: { blocks: { userId: string; displayName: string; since: string }[] }) {
  return (
    <section id="personnes-bloquees" className={`card ${styles.blockedCard}`} aria-labelledby="blocks-title">
      <h2 id="blocks-title" className={styles.blockedTitle}>
        {t('blocks.heading')}
      </h2>
      <p>{t('blocks.intro')}</p>
      {blocks.length === 0 ? (
        <p className={styles.none}>{t('blocks.none')}</p>
      ) : (
        <ul className={styles.blockList}>
          {blocks.map((b) => (
            <li key={b.userId}>
              <span>
                <Link href={`/personnes/${b.userId}`}>{b.displayName}</Link> <span className={styles.since}>{t('blocks.since', { date: formatParisDate(b.since) })}</span>
              </span>
              <form action={changeBlock}>
                <Hidden name="userId" value={b.userId} />
                <Hidden name="action" value="unblock" />
                <Hidden name="retour" value="/profil" />
                <button type="submit" className="button button-secondary" aria-label={t('block.unblockNamed', { name: b.displayName })}>
                  {t('block.unblock')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
