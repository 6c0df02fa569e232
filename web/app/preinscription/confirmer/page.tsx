import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { FormPage } from '../../../components/site/FormPage';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { confirmPreregistration } from '../actions';
import { BadLink } from '../BadLink';
import { findPreregistration } from '../lookup';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('prereg.confirmTitle') };

/**
 * The confirmation link of the first mail. Opening it changes nothing (mail scanners open links):
 * the person confirms with the button.
 */
export default async function ConfirmPreregistrationPage({ searchParams }: { searchParams: SearchParams }) {
  const token = param(await searchParams, 'jeton');
  const found = await findPreregistration(token);
  if (!token || !found) return <BadLink />;
  const manage = `/preinscription/gerer?jeton=${encodeURIComponent(token)}`;

  if (found.status === 'confirmed') {
    return (
      <FormPage icon="check" title={t('prereg.confirmHeading')} notice={t('prereg.alreadyConfirmed')}>
        <p>
          <Link href={manage} className="button button-secondary">
            {t('prereg.seeMine')}
          </Link>
        </p>
      </FormPage>
    );
  }

  return (
    <FormPage
      icon="megaphone"
      title={t('prereg.confirmHeading')}
      lead={<p>{t('prereg.confirmLead', { email: found.email, commune: found.communeName, federation: found.federationName })}</p>}
      footer={
        <p>
          <Link href={manage}>{t('prereg.seeMine')}</Link>
        </p>
      }
    >
      <ActionForm action={confirmPreregistration}>
        <Hidden name="jeton" value={token} />
        <SubmitButton>{t('prereg.confirmSubmit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
