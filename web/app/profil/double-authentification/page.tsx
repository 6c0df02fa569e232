import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../components/forms/ActionForm';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { CodeField } from '../../../components/forms/preset-fields';
import { FormPage } from '../../../components/site/FormPage';
import { t } from '../../../i18n';
import { callAsSignedIn, pendingTotpSetup, requireSession } from '../../../lib/session';
import { startTotpSetup, verifyTotpSetup } from '../actions';
import styles from './totp.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('totp.title') };

/** Turning on TOTP: a secret for the authentication app, then its first code. */
export default async function TotpSetupPage() {
  const returnTo = '/profil/double-authentification';
  const session = await requireSession(returnTo);
  const profile = await callAsSignedIn(session, returnTo, routes.getMyProfile, {});
  const setup = profile.mfaEnabled ? null : await pendingTotpSetup();
  const back = (
    <p>
      <Link href="/profil">{t('totp.back')}</Link>
    </p>
  );

  if (profile.mfaEnabled) {
    return (
      <FormPage icon="shield" title={t('totp.heading')} lead={<p>{t('totp.alreadyOn')}</p>}>
        {back}
      </FormPage>
    );
  }

  if (!setup) {
    return (
      <FormPage icon="shield" title={t('totp.heading')} lead={<p>{t('totp.lead')}</p>} footer={back}>
        <ol className={styles.steps}>
          <li>{t('totp.step1')}</li>
          <li>{t('totp.step2')}</li>
          <li>{t('totp.step3')}</li>
        </ol>
        <form action={startTotpSetup}>
          <button type="submit" className="button button-primary">
            {t('totp.start')}
          </button>
        </form>
      </FormPage>
    );
  }

  return (
    <FormPage icon="shield" title={t('totp.heading')} lead={<p>{t('totp.secretLead')}</p>} footer={back}>
      <div className={styles.secret}>
        <p className={styles.secretLabel}>{t('totp.secretLabel')}</p>
        <p className={styles.secretCode} translate="no">
          {setup.secretCode.match(/.{1,4}/g)?.join(' ')}
        </p>
        <p>
          <a href={setup.otpauthUri}>{t('totp.openApp')}</a>
        </p>
      </div>
      <ActionForm action={verifyTotpSetup}>
        <CodeField label={t('field.totpCode')} hint={t('totp.codeHint')} />
        <SubmitButton>{t('totp.verify')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
