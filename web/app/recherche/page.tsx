import { routes, sayHour, sayShortDay } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PostCard } from '../../components/social/PostCard';
import styles from '../../components/social/social.module.css';
import { Icon, type IconName } from '../../components/ui/Icon';
import { t, tc } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { eventHref } from '../evenements/hrefs';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('search.title') };

/** One group of results: a heading with its count, then its list (nothing when it is empty). */
function Found({ id, icon, title, count, children }: { id: string; icon: IconName; title: string; count: number; children: ReactNode }) {
  if (!count) return null;
  return (
    <section aria-labelledby={id} className={styles.found}>
      <h2 id={id} className={styles.foundTitle}>
        <Icon name={icon} size={22} />
        <span>{title}</span>
        <span className={styles.badge}>{count}</span>
      </h2>
      {children}
    </section>
  );
}

/** A list of found things, each a link with an optional line under it. */
function Results({ items }: { items: { key: string; href: string; title: string; meta?: ReactNode }[] }) {
  return (
    <ul className={styles.results}>
      {items.map((item) => (
        <li key={item.key} className={styles.result}>
          <Link href={item.href} className={styles.resultTitle}>
            {item.title}
          </Link>
          {item.meta && <span className={styles.postMeta}>{item.meta}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * People, groups, sections and their next events, posts — accent- and case-free, as the rules let
 * the person see them (a GET form: works without JavaScript).
 */
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
  const total = results ? results.people.length + results.groups.length + results.sections.length + results.events.length + results.posts.length : 0;
  return (
    <div className={`container section-block ${styles.stack}`}>
      <h1>{t('search.title')}</h1>
      <form method="get" action="/recherche" role="search" className={`card ${styles.searchForm}`}>
        <label htmlFor="search-q">{t('search.label')}</label>
        <p id="search-hint" className={styles.postMeta}>
          {t('search.hint')}
        </p>
        <div className={styles.searchRow}>
          <input id="search-q" name="q" type="search" defaultValue={query} minLength={2} maxLength={100} aria-describedby="search-hint" className={styles.searchInput} />
          <button type="submit" className="button button-primary">
            <Icon name="search" size={20} />
            {t('search.submit')}
          </button>
        </div>
      </form>
      {query.length === 1 && <p role="status">{t('search.tooShort')}</p>}
      {results && (
        <>
          <p role="status" className={styles.summary}>
            {tc('search.summary', total, { q: query })}
          </p>
          <Found id="found-sections" icon="landmark" title={t('search.sections')} count={results.sections.length}>
            <Results items={results.sections.map((s) => ({ key: s.id, href: `/sections/${s.id}`, title: s.name, meta: s.federationName }))} />
          </Found>
          <Found id="found-events" icon="calendar" title={t('search.events')} count={results.events.length}>
            <Results
              items={results.events.map((e) => ({
                key: e.id,
                href: eventHref(e.id),
                title: e.title,
                meta: (
                  <>
                    <time dateTime={e.startsAt}>
                      {sayShortDay(e.startsAt)}, {sayHour(e.startsAt)}
                    </time>{' '}
                    · {e.space.name} · {e.address}
                  </>
                ),
              }))}
            />
          </Found>
          <Found id="found-people" icon="users" title={t('search.people')} count={results.people.length}>
            <Results items={results.people.map((p) => ({ key: p.userId, href: `/personnes/${p.userId}`, title: p.displayName }))} />
          </Found>
          <Found id="found-groups" icon="network" title={t('search.groups')} count={results.groups.length}>
            <Results items={results.groups.map((g) => ({ key: g.id, href: `/groupes/${g.id}`, title: g.name }))} />
          </Found>
          <Found id="found-posts" icon="megaphone" title={t('search.posts')} count={results.posts.length}>
            <ul className={styles.feed}>
              {results.posts.map((post) => (
                <li key={post.id}>
                  <PostCard post={post} back={`/recherche?q=${encodeURIComponent(query)}`} />
                </li>
              ))}
            </ul>
          </Found>
        </>
      )}
    </div>
  );
}
