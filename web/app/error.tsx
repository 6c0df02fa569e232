'use client';

import { lazy, Suspense } from 'react';

// Every page loads its error boundary; the card and its words are fetched only when an error happens (ADR 0026).
const ErrorCard = lazy(() => import('../components/site/ErrorCard'));

export default function ErrorPage(props: { error: unknown; retry: () => void }) {
  return (
    <Suspense>
      <ErrorCard {...props} />
    </Suspense>
  );
}
