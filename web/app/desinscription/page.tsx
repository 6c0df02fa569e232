import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { FormPage } from '../../components/site/FormPage';
import { StatusMessage } from '../../components/ui/StatusMessage';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { unsubscribe } from '../preinscription/actions';
import { BadLink } from '../preinscription/BadLink';
import { findPreregistration } from '../preinscription/lookup';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('unsub.title') };

/**
 * The launch mail's « se désabonner » link: a button, since opening a link must change nothing
 * (mail clients' one-click unsubscribe POSTs the API's address, from the List-Unsubscribe header).
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  if (param(params, 'fait')) {
    return (
      <StatusMessage icon="check" title={t('unsub.doneHeading')} text={t('unsub.doneText')}>
        <Link href="/" className="button button-primary">
          {t('prereg.home')}
        </Link>
      </StatusMessage>
    );
  }
  const token = param(params, 'jeton');
  if (!token || !(await findPreregistration(token))) return <BadLink />;

  return (
    <FormPage icon="logOut" title={t('unsub.heading')} lead={<p>{t('unsub.lead')}</p>}>
      <ActionForm action={unsubscribe}>
        <Hidden name="jeton" value={token} />
        <SubmitButton>{t('unsub.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
