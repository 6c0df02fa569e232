'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import type { PostalCodeFinder as Finder } from './PostalCodeFinder';

const PostalCodeFinder = lazy(() => import('./PostalCodeFinder').then((m) => ({ default: m.PostalCodeFinder })));

/**
 * The postal code finder in a chunk of its own, fetched only where it is drawn: the home page's
 * landing draws it, the signed-in feed at the same address does not (ADR 0026). Rendered on the
 * server as well, so it works before its script arrives (the page imports its stylesheet, so it is
 * styled then too). React's own `lazy`, not `next/dynamic`,
 * whose loader would cost every page of the home address 5 KB of script.
 */
export function LazyPostalCodeFinder(props: ComponentProps<typeof Finder>) {
  return (
    <Suspense>
      <PostalCodeFinder {...props} />
    </Suspense>
  );
}
