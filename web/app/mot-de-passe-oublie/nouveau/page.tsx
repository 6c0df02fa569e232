import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../components/forms/ActionForm';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { CodeField, EmailUnlessKnown } from '../../../components/forms/preset-fields';
import { PasswordField } from '../../../components/forms/PasswordField';
import { FormPage } from '../../../components/site/FormPage';
import { PasswordRules } from '../../../components/site/PasswordRules';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { resetPassword } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('reset.title') };

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const email = param(await searchParams, 'email');
  return (
    <FormPage
      icon="lock"
      title={t('reset.heading')}
      lead={<p>{email ? t('reset.leadTo', { email }) : t('reset.lead')}</p>}
      footer={
        <>
          <p>{t('confirm.spam')}</p>
          <p>
            <Link href={email ? `/mot-de-passe-oublie?email=${encodeURIComponent(email)}` : '/mot-de-passe-oublie'}>{t('reset.again')}</Link>
          </p>
        </>
      }
    >
      <ActionForm action={resetPassword}>
        <EmailUnlessKnown email={email} label={t('field.email')} />
        <CodeField label={t('field.code')} />
        <PasswordField
          name="password"
          label={t('field.newPassword')}
          hint={<PasswordRules />}
          autoComplete="new-password"
          required
        />
        <SubmitButton>{t('reset.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
