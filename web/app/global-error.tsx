'use client';

import { t } from '../i18n/client/error-page';
import { htmlLang } from '../i18n/shell';

/** Last resort, when the root layout itself failed: its own document, styled inline. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang={htmlLang}>
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif', background: '#fbf7f4', color: '#231a1d' }}>
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
      </body>
    </html>
  );
}
