'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The signed-in person's menu: a native disclosure (`<details>`), so it opens without JavaScript;
 * with it, Escape and a click elsewhere close it.
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
      } else if (!details.contains(event.target as Node)) {
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
