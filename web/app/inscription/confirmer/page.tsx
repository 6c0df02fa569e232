import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { CodeField, EmailUnlessKnown } from '../../../components/forms/preset-fields';
import { PasswordField } from '../../../components/forms/PasswordField';
import { FormPage } from '../../../components/site/FormPage';
import { PasswordRules } from '../../../components/site/PasswordRules';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { confirmSignUp, resendCode } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('confirm.title') };

export default async function ConfirmSignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const email = param(params, 'email');
  // The sign-up's own attempt: « Renvoyer le code » re-mails its code (and nobody else's).
  const attempt = param(params, 'essai');
  const unconfirmed = param(params, 'a-confirmer') === '1';

  return (
    <FormPage
      icon="lock"
      title={t('confirm.heading')}
      lead={
        <>
          {unconfirmed && <p>{t('confirm.unconfirmed')}</p>}
          <p>{email ? t('confirm.leadTo', { email }) : t('confirm.lead')}</p>
        </>
      }
      footer={
        <>
          <p>{t('confirm.spam')}</p>
          {email && attempt ? (
            <ActionForm action={resendCode}>
              <Hidden name="email" value={email} />
              <Hidden name="attempt" value={attempt} />
              <SubmitButton secondary>{t('confirm.resend')}</SubmitButton>
            </ActionForm>
          ) : (
            <p>
              <Link href="/inscription">{t('confirm.startAgain')}</Link>
            </p>
          )}
          <p>
            <Link href="/connexion">{t('confirm.signIn')}</Link>
          </p>
        </>
      }
    >
      <ActionForm action={confirmSignUp}>
        <EmailUnlessKnown email={email} label={t('field.email')} />
        <CodeField label={t('field.code')} hint={t('confirm.codeHint')} />
        <PasswordField
          name="password"
          label={t('field.password')}
          hint={
            <>
              <p>{t('confirm.passwordHint')}</p>
              <PasswordRules />
            </>
          }
          autoComplete="new-password"
          required
        />
        <SubmitButton>{t('confirm.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
