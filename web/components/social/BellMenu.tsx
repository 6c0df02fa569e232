'use client';

import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { useOnOpen } from '../ui/use-on-open';

const BellList = lazy(() => import('./BellList').then((m) => ({ default: m.BellList })));

/**
 * Where the bell's latest notifications go: the list (`BellList`, its words and its requests) is
 * fetched when the bell is first opened, so no page's first load carries it (ADR 0026). Its frame
 * (the title, « Toutes les notifications ») is drawn by the server; without JavaScript, that link.
 */
export function LazyBellList({ loading }: { loading: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useOnOpen(root, () => setOpened(true));
  return (
    <div ref={root} aria-live="polite">
      {opened && (
        <Suspense fallback={loading}>
          <BellList />
        </Suspense>
      )}
    </div>
  );
}
