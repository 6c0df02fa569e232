import type { PublicProfile } from '@coopol/contracts';
import Link from 'next/link';
import { t } from '../../i18n';
import { Avatar } from './Avatar';
import { functionLabel, mandateLabel, roleLabel, statusLabel } from './labels';
import styles from './people.module.css';

export const personHref = (userId: string) => `/personnes/${encodeURIComponent(userId)}`;

/** People of a space, each with what they let the viewer see. */
export function MemberList({ people }: { people: PublicProfile[] }) {
  return (
    <ul className={styles.members}>
      {people.map((person) => {
        const roles = [...(person.functions ?? []).map(functionLabel), ...(person.mandates ?? []).map(mandateLabel)];
        return (
          <li key={person.userId} className={styles.member}>
            <Avatar givenName={person.givenName} familyName={person.familyName} photoUrl={person.photoUrl} size={48} />
            <div className={styles.memberBody}>
              <Link href={personHref(person.userId)} className={styles.memberName}>
                {person.givenName} {person.familyName}
              </Link>
              <p className={styles.memberMeta}>
                {[person.status ? statusLabel(person.status) : null, person.sectionName].filter(Boolean).join(' · ')}
              </p>
              {roles.length > 0 && <p className={styles.memberRoles}>{roles.join(' · ')}</p>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The officials of a section or federation: role, then the person. */
export function OfficialList({ officials }: { officials: { userId: string; givenName: string; familyName: string; role: string }[] }) {
  if (!officials.length) return <p className={styles.muted}>{t('officials.none')}</p>;
  return (
    <ul className={styles.officials}>
      {officials.map((official) => (
        <li key={`${official.userId}-${official.role}`}>
          <span className={styles.officialRole}>{roleLabel(official.role)}</span>
          <Link href={personHref(official.userId)}>
            {official.givenName} {official.familyName}
          </Link>
        </li>
      ))}
    </ul>
  );
}
