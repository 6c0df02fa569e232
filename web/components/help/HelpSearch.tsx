'use client';

import Link from 'next/link';
import { useState } from 'react';
import { searchHelp } from '../../help/topics';
import { t, tc } from '../../i18n/client/help';
import styles from './help.module.css';

interface Entry {
  slug: string;
  title: string;
  summary: string;
  text: string;
}

/**
 * The help centre's search: filters the small index as one types. Without JavaScript the form sends
 * `?q=` and the page answers with the same search, done by the server.
 */
export function HelpSearch({ index, initialQuery }: { index: Entry[]; initialQuery: string }) {
  const [query, setQuery] = useState(initialQuery);
  const found = searchHelp(index, query);
  return (
    <>
      <form role="search" method="get" action="/aide" className={styles.search} onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="help-query">{t('help.searchLabel')}</label>
        <div className={styles.searchRow}>
          <input
            id="help-query"
            name="q"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('help.searchPlaceholder')}
            autoComplete="off"
          />
          <button type="submit" className="button button-secondary">
            {t('help.searchSubmit')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite">
        {found.length === 0 ? t('help.noResult') : query.trim() ? tc('help.resultCount', found.length) : ''}
      </p>
      <ul className={styles.list} aria-label={t('help.listLabel')}>
        {found.map((entry) => (
          <li key={entry.slug} className={styles.item}>
            <Link href={`/aide/${entry.slug}`}>{entry.title}</Link>
            <span>{entry.summary}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
