import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { Checkbox } from '../../components/forms/Checkbox';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { PostalCodeField } from '../../components/forms/preset-fields';
import { TextField } from '../../components/forms/TextField';
import { FormPage } from '../../components/site/FormPage';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { signUp } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('signUp.title') };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  // The launch mail of a rollout wave links here with the address and postal code filled in.
  const params = await searchParams;
  const email = param(params, 'email') ?? '';
  const postalCode = param(params, 'cp') ?? '';
  return (
    <FormPage
      icon="user"
      title={t('signUp.heading')}
      lead={<p>{t('signUp.lead')}</p>}
      footer={
        <p>
          {t('signUp.haveAccount')} <Link href="/connexion">{t('signUp.signIn')}</Link>
        </p>
      }
    >
      <ActionForm action={signUp}>
        <TextField name="givenName" label={t('field.givenName')} autoComplete="given-name" required maxLength={80} />
        <TextField name="familyName" label={t('field.familyName')} autoComplete="family-name" required maxLength={80} />
        <TextField
          name="email"
          type="email"
          label={t('field.email')}
          hint={t('signUp.emailHint')}
          autoComplete="email"
          defaultValue={email}
          required
        />
        <PostalCodeField label={t('field.postalCode')} hint={t('signUp.postalCodeHint')} defaultValue={postalCode} required />
        <TextField name="memberNumber" label={t('field.memberNumber')} hint={t('signUp.memberNumberHint')} maxLength={12} short />
        <Checkbox
          name="consent"
          required
          label={t('signUp.consent')}
          hint={
            <p>
              {t('signUp.consentHint')} <Link href="/confidentialite">{t('signUp.privacyLink')}</Link>
            </p>
          }
        />
        <SubmitButton>{t('signUp.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
