import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { Checkbox } from '../../components/forms/Checkbox';
import { RadioGroup } from '../../components/forms/choices';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { PostalCodeField } from '../../components/forms/preset-fields';
import { TextField } from '../../components/forms/TextField';
import { FormPage } from '../../components/site/FormPage';
import { Icon } from '../../components/ui/Icon';
import { t } from '../../i18n';
import { param, type SearchParams } from '../../lib/search-params';
import { preregister } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('prereg.title') };

/** Preregistration where Coopol is not open yet; then « check your mailbox », or « it is open: sign up ». */
export default async function PreregistrationPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const email = param(params, 'email') ?? '';
  const postalCode = param(params, 'cp') ?? '';
  const sentTo = param(params, 'envoye');
  const openFederation = param(params, 'ouvert');

  if (sentTo !== undefined) {
    return (
      <FormPage icon="check" title={t('prereg.sentHeading')} lead={<p>{t('prereg.sentLead', { destination: sentTo })}</p>}>
        <p>{t('prereg.sentNote')}</p>
        <p>{t('confirm.spam')}</p>
      </FormPage>
    );
  }

  if (openFederation !== undefined) {
    const signUp = `/inscription?${new URLSearchParams({ email, cp: postalCode }).toString()}`;
    return (
      <FormPage icon="flag" title={t('prereg.openHeading')} lead={<p>{t('prereg.openLead', { federation: openFederation })}</p>}>
        <p>
          <Link href={signUp} className="button button-primary">
            {t('prereg.openSignUp')}
            <Icon name="arrowRight" size={20} />
          </Link>
        </p>
      </FormPage>
    );
  }

  return (
    <FormPage
      icon="megaphone"
      title={t('prereg.heading')}
      lead={<p>{t('prereg.lead')}</p>}
      footer={
        <p>
          {t('prereg.haveOpen')} <Link href="/inscription">{t('prereg.signUp')}</Link>
        </p>
      }
    >
      <ActionForm action={preregister}>
        <TextField name="email" type="email" label={t('field.email')} autoComplete="email" defaultValue={email} required />
        <PostalCodeField label={t('field.postalCode')} hint={t('prereg.postalCodeHint')} defaultValue={postalCode} required />
        <RadioGroup
          name="kind"
          legend={t('prereg.kindLegend')}
          required
          choices={[
            { value: 'member', label: t('prereg.kind.member') },
            { value: 'supporter', label: t('prereg.kind.supporter') },
          ]}
        />
        <Checkbox
          name="consent"
          required
          label={t('prereg.consent')}
          hint={
            <p>
              {t('prereg.consentHint')} <Link href="/confidentialite">{t('signUp.privacyLink')}</Link>
            </p>
          }
        />
        <SubmitButton>{t('prereg.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
