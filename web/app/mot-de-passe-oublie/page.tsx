import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import { FormPage } from '../../components/site/FormPage';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { requestResetCode } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('forgot.title') };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const email = param(await searchParams, 'email') ?? '';
  return (
    <FormPage
      icon="lock"
      title={t('forgot.heading')}
      lead={<p>{t('forgot.lead')}</p>}
      footer={
        <p>
          <Link href="/connexion">{t('forgot.back')}</Link>
        </p>
      }
    >
      <ActionForm action={requestResetCode}>
        <TextField name="email" type="email" label={t('field.email')} autoComplete="email" defaultValue={email} required />
        <SubmitButton>{t('forgot.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
