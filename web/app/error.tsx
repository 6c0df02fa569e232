'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { alert as alertShape } from '../components/ui/shapes/alert';
import { IconSvg } from '../components/ui/IconSvg';
import { StatusCard } from '../components/ui/StatusCard';
import { t } from '../i18n/shell';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // Server errors reach the browser as a digest only: shown so a report can be matched to the logs.
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <StatusCard
      icon={<IconSvg size={34}>{alertShape}</IconSvg>}
      title={t('error.heading')}
      text={t('error.text')}
      footnote={digest ? t('error.reference', { digest }) : undefined}
    >
      <button type="button" className="button button-primary" onClick={() => retry()}>
        {t('error.retry')}
      </button>
      <Link href="/" className="button button-secondary">
        {t('error.home')}
      </Link>
    </StatusCard>
  );
}
