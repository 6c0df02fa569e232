import Link from 'next/link';
import { StatusMessage } from '../../components/ui/StatusMessage';
import { t } from '../../i18n';

/** A mail's link that leads nowhere (incomplete, or its preregistration erased). */
export function BadLink() {
  return (
    <StatusMessage icon="alert" title={t('prereg.badLinkHeading')} text={t('prereg.badLinkText')}>
      <Link href="/preinscription" className="button button-primary">
        {t('prereg.again')}
      </Link>
      <Link href="/" className="button button-secondary">
        {t('prereg.home')}
      </Link>
    </StatusMessage>
  );
}
