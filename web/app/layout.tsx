import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '../components/site/SiteFooter';
import { SiteHeader } from '../components/site/SiteHeader';
import { htmlLang, t } from '../i18n';
import './globals.css';
// The error card's stylesheet (app/error.tsx fetches the card when an error happens): styled when the server draws it.
import '../components/ui/StatusMessage.module.css';

export const metadata: Metadata = {
  title: { default: t('site.titleDefault'), template: `%s · ${t('site.name')}` },
  description: t('site.description'),
  applicationName: t('site.name'),
};

export const viewport: Viewport = {
  themeColor: '#a8143c',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={htmlLang}>
      <body>
        <a className="skip-link" href="#contenu">
          {t('site.skipLink')}
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
