import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PostCard } from '../../components/social/PostCard';
import styles from '../../components/social/social.module.css';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, requireSession } from '../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('search.title') };

/** People, groups and posts, accent- and case-free, as the rules let the person see them (a GET form: works without JavaScript). */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q.trim() : '';
  const session = await requireSession(`/recherche${query ? `?q=${encodeURIComponent(query)}` : ''}`);
  const results =
    query.length >= 2
      ? await callAsSignedIn(session, '/recherche', routes.search, { query: { q: query } }).catch((error: unknown) => {
          if (isApiError(error, 400)) return null;
          throw error;
        })
      : null;
  return (
    <div className={`container section-block ${styles.stack}`}>
      <h1>{t('search.title')}</h1>
      <form method="get" action="/recherche" role="search">
        <label htmlFor="search-q">{t('search.label')}</label>
        <input id="search-q" name="q" type="search" defaultValue={query} minLength={2} maxLength={100} />
        <button type="submit" className="button button-primary">{t('search.submit')}</button>
      </form>
      {results && (
        <>
          <section aria-labelledby="found-people">
            <h2 id="found-people">{t('search.people')}</h2>
            {results.people.length ? (
              <ul>{results.people.map((p) => <li key={p.userId}><Link href={`/personnes/${p.userId}`}>{p.displayName}</Link></li>)}</ul>
            ) : (
              <p>{t('search.nothing')}</p>
            )}
          </section>
          <section aria-labelledby="found-groups">
            <h2 id="found-groups">{t('search.groups')}</h2>
            {results.groups.length ? (
              <ul>{results.groups.map((g) => <li key={g.id}><Link href={`/groupes/${g.id}`}>{g.name}</Link></li>)}</ul>
            ) : (
              <p>{t('search.nothing')}</p>
            )}
          </section>
          <section aria-labelledby="found-posts">
            <h2 id="found-posts">{t('search.posts')}</h2>
            {results.posts.length ? (
              <ul className={styles.feed}>{results.posts.map((post) => <li key={post.id}><PostCard post={post} /></li>)}</ul>
            ) : (
              <p>{t('search.nothing')}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
