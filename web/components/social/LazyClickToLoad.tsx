'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import type { ClickToLoad as Player } from './ClickToLoad';

const ClickToLoad = lazy(() => import('./ClickToLoad').then((m) => ({ default: m.ClickToLoad })));

/**
 * A video's placeholder in a chunk of its own, fetched only where a post has one: most posts are
 * words, and no page's first load should carry the player for them (ADR 0026). Rendered on the
 * server as well, so the placeholder shows before its script arrives (as `LazyPostalCodeFinder`).
 */
export function LazyClickToLoad(props: ComponentProps<typeof Player>) {
  return (
    <Suspense>
      <ClickToLoad {...props} />
    </Suspense>
  );
}
