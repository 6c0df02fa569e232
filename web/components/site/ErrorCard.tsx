'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { t } from '../../i18n/client/error-page';
import { alert as alertShape } from '../ui/shapes/alert';
import { IconSvg } from '../ui/IconSvg';
import { StatusCard } from '../ui/StatusCard';

/** What `app/error.tsx` shows: the failure said plainly, « Réessayer » and the way home. */
export default function ErrorCard({ error, retry }: { error: unknown; retry: () => void }) {
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
