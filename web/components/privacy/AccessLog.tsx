import type { MemberListRead } from '@coopol/contracts';
import { t } from '../../i18n';
import { roleLabel } from '../people/labels';
import styles from './AccessLog.module.css';

const when = (iso: string) =>
  new Date(iso).toLocaleString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** Which list a read was of, in words (one's own view mixes sections, federations and one's membership). */
function listLabel(read: MemberListRead): string {
  if (read.list.type === 'person') return t('accessLog.ofMembership');
  return read.list.type === 'section' ? t('accessLog.ofSection', { id: read.list.id }) : t('accessLog.ofFederation', { id: read.list.id });
}

/**
 * The transparency log as a list: who read, by which role, when, how many people (ADR 0027).
 * `withList`: say which list each read was of (one's own view).
 */
export function AccessLog({ reads, withList = false }: { reads: MemberListRead[]; withList?: boolean }) {
  if (!reads.length) return <p className={styles.muted}>{t('accessLog.none')}</p>;
  return (
    <ul className={styles.reads}>
      {reads.map((read) => (
        <li key={`${read.at}-${read.readerName}-${read.list.type}-${read.list.id}`}>
          <strong>{read.readerName}</strong> <span className={styles.muted}>({roleLabel(read.role)})</span>
          <br />
          <span>
            {withList && `${listLabel(read)} · `}
            {read.list.type === 'person' ? when(read.at) : t('accessLog.count', { count: read.count, at: when(read.at) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
