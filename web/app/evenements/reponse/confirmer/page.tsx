import { formatParisDateTime, sayHour } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { FormPage } from '../../../../components/site/FormPage';
import { t } from '../../../../i18n';
import { param, type SearchParams } from '../../../../lib/search-params';
import { confirmVisitorAnswer } from '../../actions';
import { BadAnswerLink, findVisitorAnswer, sayState } from '../lookup';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('answer.confirmTitle') };

/**
 * The confirmation link of a visitor's mail. Opening it changes nothing (mail scanners open links):
 * the visitor confirms with the button, as for preregistration (ADR 0010).
 */
export default async function ConfirmVisitorAnswerPage({ searchParams }: { searchParams: SearchParams }) {
  const token = param(await searchParams, 'jeton');
  const found = await findVisitorAnswer(token);
  if (!token || !found) return <BadAnswerLink />;
  const manage = `/evenements/reponse/gerer?jeton=${encodeURIComponent(token)}`;
  const when = formatParisDateTime(found.event.startsAt);
  if (found.confirmed) {
    return (
      <FormPage icon="check" title={t('answer.confirmTitle')} notice={t('answer.alreadyConfirmed')}>
        <p>
          <Link href={manage} className="button button-secondary">
            {t('answer.manageTitle')}
          </Link>
        </p>
      </FormPage>
    );
  }
  return (
    <FormPage
      icon="calendar"
      title={t('answer.confirmTitle')}
      lead={
        <>
          <p>{t('answer.confirmLead', { name: found.name, state: sayState(found.state), title: found.event.title, when, address: found.event.address })}</p>
          {found.holdUntil && <p>{t('answer.pendingNote', { until: sayHour(found.holdUntil) })}</p>}
        </>
      }
      footer={
        <p>
          <Link href={manage}>{t('answer.manageTitle')}</Link>
        </p>
      }
    >
      <ActionForm action={confirmVisitorAnswer}>
        <Hidden name="jeton" value={token} />
        <SubmitButton>{t('answer.confirmSubmit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
