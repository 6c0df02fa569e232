'use client';

import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';

/**
 * Infinite scroll: when the end of the feed comes into view, the next page is asked of the server
 * (a server action renders it) and appended, each page a list of class `listClassName`. Without
 * JavaScript, the link leads to the next page. Its words come from the server (no dictionary in the
 * page's script, ADR 0026).
 */
export function LoadMore({
  cursor,
  load,
  listClassName,
  words,
}: {
  cursor: string;
  load: (cursor: string) => Promise<{ nodes: ReactNode[]; next: string | null }>;
  listClassName?: string;
  /** The link's words, and what it says while the next page comes. */
  words: { more: string; loading: string };
}) {
  const [pages, setPages] = useState<ReactNode[][]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [pending, startTransition] = useTransition();
  const sentinel = useRef<HTMLAnchorElement>(null);
  // The cursors already asked for. The observer may call back twice before React has drawn
  // « pending » (its first call on observe, then the scroll): a cursor is loaded once, or its page
  // would be appended twice.
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !next) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting) || asked.current.has(next)) return;
      asked.current.add(next);
      startTransition(async () => {
        try {
          const page = await load(next);
          setPages((previous) => [...previous, page.nodes]);
          setNext(page.next);
        } catch {
          // Lost on the way (offline, a deploy): the next time the end comes into view asks again,
          // and the link still leads to the next page.
          asked.current.delete(next);
        }
      });
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [next, load]);

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
            {pending ? words.loading : words.more}
          </a>
        </p>
      )}
    </>
  );
}
