import Link from 'next/link';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { federationHref, sectionHref } from '../territory/hrefs';
import { functionLabel, mandateLabel, statusLabel } from './labels';
import styles from './people.module.css';

export interface ProfileFactsData {
  status?: 'adherent' | 'sympathisant';
  sectionId?: string | null;
  sectionName?: string | null;
  federationCode?: string;
  federationName?: string;
  functions?: string[];
  otherFunction?: string | null;
  mandates?: string[];
  interests?: string[];
  email?: string;
}

/** What a profile says, as a list of facts; a field absent from the data (not shown to this viewer) is left out. */
export function ProfileFacts({ profile, emptyText }: { profile: ProfileFactsData; emptyText: string }) {
  const functions = [...(profile.functions ?? []).map(functionLabel), ...(profile.otherFunction ? [profile.otherFunction] : [])];
  const rows: { term: string; value: ReactNode }[] = [];
  if (profile.status) rows.push({ term: t('profile.fact.status'), value: statusLabel(profile.status) });
  if (profile.sectionId && profile.sectionName) {
    rows.push({ term: t('profile.fact.section'), value: <Link href={sectionHref(profile.sectionId)}>{profile.sectionName}</Link> });
  }
  if (profile.federationCode && profile.federationName) {
    rows.push({ term: t('profile.fact.federation'), value: <Link href={federationHref(profile.federationCode)}>{profile.federationName}</Link> });
  }
  if (functions.length) rows.push({ term: t('profile.fact.functions'), value: <List items={functions} /> });
  if (profile.mandates?.length) rows.push({ term: t('profile.fact.mandates'), value: <List items={profile.mandates.map(mandateLabel)} /> });
  if (profile.interests?.length) {
    rows.push({
      term: t('profile.fact.interests'),
      value: (
        <ul className={styles.tags}>
          {profile.interests.map((interest) => (
            <li key={interest} className="chip chip-neutral">
              {interest}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (profile.email) rows.push({ term: t('profile.fact.email'), value: <a href={`mailto:${profile.email}`}>{profile.email}</a> });

  if (!rows.length) return <p className={styles.muted}>{emptyText}</p>;
  return (
    <dl className={styles.facts}>
      {rows.map((row) => (
        <div key={row.term}>
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className={styles.plainList}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
