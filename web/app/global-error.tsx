'use client';

import { lazy, Suspense } from 'react';
import { htmlLang } from '../i18n/shell';

// Every page loads this boundary; its words are fetched only when the root layout fails (ADR 0026).
const GlobalErrorContent = lazy(() => import('../components/site/GlobalErrorContent'));

/** Last resort, when the root layout itself failed: its own document, styled inline. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang={htmlLang}>
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif', background: '#fbf7f4', color: '#231a1d' }}>
        <Suspense>
          <GlobalErrorContent retry={retry} />
        </Suspense>
      </body>
    </html>
  );
}
