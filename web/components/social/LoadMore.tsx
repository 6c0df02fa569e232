'use client';

import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { t } from '../../i18n/client/posts';

/**
 * Infinite scroll: when the end of the feed comes into view, the next page is asked of the server
 * (a server action renders it) and appended, each page a list of class `listClassName`. Without
 * JavaScript, the link leads to the next page.
 */
export function LoadMore({
  cursor,
  load,
  listClassName,
}: {
  cursor: string;
  load: (cursor: string) => Promise<{ nodes: ReactNode[]; next: string | null }>;
  listClassName?: string;
}) {
  const [pages, setPages] = useState<ReactNode[][]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [pending, startTransition] = useTransition();
  const sentinel = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !next) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting) || pending) return;
      startTransition(async () => {
        const page = await load(next);
        setPages((previous) => [...previous, page.nodes]);
        setNext(page.next);
      });
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [next, pending, load]);

  return (
    <>
      {pages.map((nodes, i) => (
        <ul key={i} className={listClassName}>
          {nodes}
        </ul>
      ))}
      {next && (
        <p aria-live="polite">
          <a ref={sentinel} href={`/?apres=${encodeURIComponent(next)}`}>
            {pending ? t('feed.loadingMore') : t('feed.loadMore')}
          </a>
        </p>
      )}
    </>
  );
}
