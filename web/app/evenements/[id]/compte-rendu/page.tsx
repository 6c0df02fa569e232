import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { TextField } from '../../../../components/forms/TextField';
import { t } from '../../../../i18n';
import { isApiError } from '../../../../lib/api';
import { orNotFound } from '../../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import { submitReport } from '../../actions';
import styles from '../../events.module.css';
import { eventHref } from '../../hrefs';
import { HelpLink } from '../../../../components/help/HelpLink';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('report.title') };

/** The report form of an action, for its organizers; filled with the report already sent, if any. */
export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const eventId = (await params).id;
  const returnTo = `${eventHref(eventId)}/compte-rendu`;
  const session = await requireSession(returnTo);
  const event = await orNotFound(callAsSignedIn(session, returnTo, routes.getEvent, { params: { eventId } }));
  const existing = await callAsSignedIn(session, returnTo, routes.getReport, { params: { eventId } }).catch((error: unknown) => {
    if (isApiError(error, 404)) return undefined;
    throw error;
  });
  const initial = existing
    ? { status: 'idle' as const, values: { leaflets: String(existing.leaflets), doors: String(existing.doors), peopleReached: String(existing.peopleReached), contacts: String(existing.contacts), remarks: existing.remarks } }
    : undefined;
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <p className={styles.eyebrow}>
          <Link href={eventHref(eventId)}>{event.title}</Link>
        </p>
        <h1 id="report-title">{t('report.heading', { title: event.title })}
          <HelpLink topic="faire-une-remontee" />
        </h1>
      </header>
      <section className={`card ${styles.card}`}>
        <ActionForm action={submitReport} initialState={initial} aria-labelledby="report-title">
          <Hidden name="eventId" value={eventId} />
          <TextField name="leaflets" type="number" label={t('report.leaflets')} short required />
          <TextField name="doors" type="number" label={t('report.doors')} short required />
          <TextField name="peopleReached" type="number" label={t('report.peopleReached')} short required />
          <TextField name="contacts" type="number" label={t('report.contacts')} short required />
          <TextField name="remarks" label={t('report.remarks')} maxLength={5000} />
          <SubmitButton>{t('report.submit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
