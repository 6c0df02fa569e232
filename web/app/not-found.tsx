import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusMessage } from '../components/ui/StatusMessage';
import { Icon } from '../components/ui/Icon';
import { t } from '../i18n';

export const metadata: Metadata = { title: t('notFound.title') };

export default function NotFound() {
  return (
    <StatusMessage icon="map" code="404" title={t('notFound.heading')} text={t('notFound.text')}>
      <Link href="/" className="button button-primary">
        {t('notFound.home')}
      </Link>
      <Link href="/territoires" className="button button-secondary">
        {t('notFound.territories')}
        <Icon name="arrowRight" size={20} />
      </Link>
    </StatusMessage>
  );
}
