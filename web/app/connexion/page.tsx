import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { PasswordField } from '../../components/forms/PasswordField';
import { TextField } from '../../components/forms/TextField';
import { FormPage } from '../../components/site/FormPage';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { safeNextPath } from '../../lib/session-core';
import { signIn } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('signIn.title') };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const email = param(params, 'email') ?? '';
  const next = safeNextPath(param(params, 'suite'));
  const throttled = Boolean(param(params, 'code-envoye'));
  const notice = throttled
    ? t('signIn.unlockSent')
    : param(params, 'confirme')
    ? t('signIn.confirmed')
    : param(params, 'reinitialise')
      ? t('signIn.passwordChanged')
      : param(params, 'expire')
        ? t('signIn.expired')
        : param(params, 'deconnecte')
          ? t('signIn.signedOutEverywhere')
          : param(params, 'compte-supprime')
            ? t('myData.erased')
            : undefined;
  const forgotHref = email ? `/mot-de-passe-oublie?email=${encodeURIComponent(email)}` : '/mot-de-passe-oublie';

  return (
    <FormPage
      icon="lock"
      title={t('signIn.heading')}
      lead={param(params, 'suite') ? <p>{t('signIn.needed')}</p> : undefined}
      notice={notice}
      footer={
        <p>
          {t('signIn.noAccount')} <Link href="/inscription">{t('signIn.createAccount')}</Link>
        </p>
      }
    >
      <ActionForm action={signIn}>
        <Hidden name="suite" value={next} />
        <TextField name="email" type="email" label={t('field.email')} autoComplete="username" defaultValue={email} required />
        <PasswordField
          name="password"
          label={t('field.password')}
          hint={<Link href={forgotHref}>{t('signIn.forgot')}</Link>}
          autoComplete="current-password"
          required
        />
        {throttled && (
          <TextField
            name="unlockCode"
            label={t('signIn.unlockCode')}
            hint={t('signIn.unlockCodeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            short
          />
        )}
        <SubmitButton>{t('signIn.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
