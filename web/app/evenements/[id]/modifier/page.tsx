import { parisWallClock, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { TextArea } from '../../../../components/forms/TextArea';
import { TextField } from '../../../../components/forms/TextField';
import { t } from '../../../../i18n';
import { orNotFound } from '../../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import { updateEvent } from '../../actions';
import styles from '../../events.module.css';
import { eventHref } from '../../hrefs';
import { MapPointFields } from '../../MapPointFields';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('editEvent.title') };

/** Organizers change an event's title, text, times or place; those who answered are told by mail. */
export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const eventId = (await params).id;
  const returnTo = `${eventHref(eventId)}/modifier`;
  const session = await requireSession(returnTo);
  const event = await orNotFound(callAsSignedIn(session, returnTo, routes.getEvent, { params: { eventId } }));
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <p className={styles.eyebrow}>
          <Link href={eventHref(eventId)}>{event.title}</Link>
        </p>
        <h1 id="edit-title">{t('editEvent.title')}</h1>
        <p className={styles.muted}>{t('editEvent.intro')}</p>
      </header>
      <section className={`card ${styles.card}`}>
        <ActionForm action={updateEvent} aria-labelledby="edit-title">
          <Hidden name="eventId" value={eventId} />
          <TextField name="title" label={t('newEvent.name')} defaultValue={event.title} required maxLength={140} />
          <TextArea name="description" label={t('newEvent.description')} defaultValue={event.description} maxLength={5000} rows={6} />
          <TextField name="start" type="datetime-local" label={t('newEvent.start')} defaultValue={parisWallClock(event.startsAt)} required />
          <TextField name="end" type="datetime-local" label={t('newEvent.end')} defaultValue={parisWallClock(event.endsAt)} required />
          <TextField name="place" label={t('newEvent.address')} defaultValue={event.place.address} required maxLength={300} />
          <MapPointFields lat={event.place.lat} lon={event.place.lon} />
          <SubmitButton>{t('editEvent.submit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
