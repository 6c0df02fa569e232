'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A disclosure menu (the account's, the bell's, a post's « … »): a native `<details>`, so it opens
 * without JavaScript; with it, Escape, a click elsewhere or following one of its links close it.
 */
export function UserMenu({ summary, children, className, summaryClassName }: { summary: ReactNode; children: ReactNode; className?: string; summaryClassName?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (event: Event) => {
      if (!details.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
      } else if (!details.contains(event.target as Node) || (event.target instanceof Element && event.target.closest('a'))) {
        // A click elsewhere, or a choice made: one of its links followed.
        details.open = false;
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);

  return (
    <details ref={ref} className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
