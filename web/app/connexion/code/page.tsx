import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { CodeField } from '../../../components/forms/preset-fields';
import { FormPage } from '../../../components/site/FormPage';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { pendingMfaChallenge } from '../../../lib/session';
import { safeNextPath } from '../../../lib/session-core';
import { answerMfa } from '../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('mfaChallenge.title') };

export default async function MfaChallengePage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath(param(await searchParams, 'suite'));
  // The challenge is kept a few minutes after the password step; without it, start again.
  if (!(await pendingMfaChallenge())) redirect(`/connexion?suite=${encodeURIComponent(next)}`);

  return (
    <FormPage
      icon="shield"
      title={t('mfaChallenge.heading')}
      lead={<p>{t('mfaChallenge.lead')}</p>}
      footer={
        <p>
          <Link href={`/connexion?suite=${encodeURIComponent(next)}`}>{t('mfaChallenge.restart')}</Link>
        </p>
      }
    >
      <ActionForm action={answerMfa}>
        <Hidden name="suite" value={next} />
        <CodeField label={t('field.totpCode')} hint={t('mfaChallenge.codeHint')} />
        <SubmitButton>{t('mfaChallenge.submit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
