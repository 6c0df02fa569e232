'use client';

import { t } from '../../i18n/client/error-page';

/** What `app/global-error.tsx` shows when the root layout itself failed, styled inline (no stylesheet is sure to be there). */
export default function GlobalErrorContent({ retry }: { retry: () => void }) {
  return (
    <>
      <title>{`${t('error.heading')} · ${t('site.name')}`}</title>
      <main style={{ maxWidth: '36rem', margin: '0 auto', padding: '4rem 1.5rem', textAlign: 'center' }}>
        <h1 style={{ fontSize: '2rem', lineHeight: 1.2 }}>{t('error.heading')}</h1>
        <p style={{ lineHeight: 1.6, margin: '1rem 0 2rem' }}>{t('error.text')}</p>
        <button
          type="button"
          onClick={() => retry()}
          style={{
            padding: '0.75rem 1.5rem',
            border: 0,
            borderRadius: '999px',
            background: '#a8143c',
            color: '#fff',
            font: 'inherit',
            fontWeight: 700,
            cursor: 'pointer',
          }}
        >
          {t('error.retry')}
        </button>
      </main>
    </>
  );
}
