import { formatParisDateTime, sayHour } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { FormPage } from '../../../../components/site/FormPage';
import { StatusMessage } from '../../../../components/ui/StatusMessage';
import { t } from '../../../../i18n';
import { param, type SearchParams } from '../../../../lib/search-params';
import { cancelVisitorAnswer } from '../../actions';
import { eventHref } from '../../hrefs';
import { BadAnswerLink, findVisitorAnswer, sayState } from '../lookup';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('answer.manageTitle') };

/** A visitor's answer by the link of their mail: what was given, whether it counts, and a way to cancel it. */
export default async function ManageVisitorAnswerPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  if (param(params, 'annule')) {
    return (
      <StatusMessage icon="check" title={t('answer.cancelledHeading')} text={t('answer.cancelledText')}>
        <Link href="/" className="button button-secondary">
          {t('answer.home')}
        </Link>
      </StatusMessage>
    );
  }
  const token = param(params, 'jeton');
  const found = await findVisitorAnswer(token);
  if (!token || !found) return <BadAnswerLink />;
  const when = formatParisDateTime(found.event.startsAt);
  return (
    <FormPage
      icon="calendar"
      title={found.event.title}
      notice={param(params, 'confirme') === '1' && found.confirmed ? t('answer.confirmedNotice') : undefined}
      lead={
        <>
          <p>{t('answer.confirmLead', { name: found.name, state: sayState(found.state), title: found.event.title, when, address: found.event.address })}</p>
          <p>{found.confirmed ? t('answer.confirmedNote') : t('answer.pendingNote', { until: sayHour(found.holdUntil ?? new Date().toISOString()) })}</p>
        </>
      }
      footer={
        <p>
          <Link href={eventHref(found.event.id)}>{t('answer.seeEvent')}</Link>
        </p>
      }
    >
      <h2>{t('answer.cancelHeading')}</h2>
      <p>{t('answer.cancelText')}</p>
      <ActionForm action={cancelVisitorAnswer}>
        <Hidden name="jeton" value={token} />
        <SubmitButton secondary>{t('answer.cancelSubmit')}</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
