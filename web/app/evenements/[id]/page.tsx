import { type EventDetail, routes, sayHour, sayShortDay, sayWhen } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Checkbox } from '../../../components/forms/Checkbox';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { TextField } from '../../../components/forms/TextField';
import { Icon } from '../../../components/ui/Icon';
import { t, tc } from '../../../i18n';
import { callApi, isApiError } from '../../../lib/api';
import { orNotFound } from '../../../lib/or-not-found';
import { safeNextPath } from '../../../lib/safe-next-path';
import { getSession, signInHref, type Session } from '../../../lib/session';
import { answerAsVisitor, answerEvent, cancelEvent, leaveSlot, signUpForSlot } from '../actions';
import styles from '../events.module.css';
import { kindLabel } from '../format';
import { agendaHref, eventHref } from '../hrefs';
import { mapLink } from '../MapPointFields';
import { HelpLink } from '../../../components/help/HelpLink';
import { param, type SearchParams } from '../../../lib/search-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

/**
 * The event as the signed-in person sees it, or its public page for a visitor. Signed out, an event
 * that is not public — existing, secret or unknown alike — is « Connectez-vous pour voir cet
 * évènement » (`sign-in`), the same page whatever the id, so it tells nothing; signed in, one that
 * the person may not see is a 404.
 */
const loadEvent = cache(async (eventId: string, session: Session | null) => {
  if (session) {
    try {
      return { kind: 'member' as const, event: await callApi(routes.getEvent, { params: { eventId } }, { token: session.idToken }) };
    } catch (error) {
      if (!isApiError(error, 404) && !isApiError(error, 401)) throw error;
    }
    return { kind: 'visitor' as const, event: await orNotFound(callApi(routes.getPublicEvent, { params: { eventId } })) };
  }
  try {
    return { kind: 'visitor' as const, event: await callApi(routes.getPublicEvent, { params: { eventId } }) };
  } catch (error) {
    if (isApiError(error, 404) || isApiError(error, 400)) return { kind: 'sign-in' as const };
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadEvent((await params).id, await getSession());
  return { title: loaded.kind === 'sign-in' ? t('event.signInToSee') : loaded.event.title };
}

/** A signed-out person on a link to an event that is not public: sign in, and come back here. */
function SignInToSee({ eventId, slotId }: { eventId: string; slotId?: string }) {
  const back = safeNextPath(slotId ? slotHref(eventId, slotId) : eventHref(eventId), '/agenda');
  return (
    <div className={`container ${styles.page}`}>
      <section className={`card ${styles.card} ${styles.signInCard}`} aria-labelledby="sign-in-title">
        <Icon name="lock" size={28} />
        <h1 id="sign-in-title">{t('event.signInToSee')}</h1>
        <p className={styles.muted}>{t('event.signInToSeeText')}</p>
        <div className={styles.buttons}>
          <Link href={signInHref(back)} className="button button-primary">
            {t('nav.signIn')}
          </Link>
          <Link href="/inscription" className="button button-secondary">
            {t('nav.signUp')}
          </Link>
        </div>
      </section>
    </div>
  );
}

/** A slot's place on the page, as a mail's « Je viens » links to it: marked, and scrolled to. */
const slotHref = (eventId: string, slotId: string) => `${eventHref(eventId)}?creneau=${encodeURIComponent(slotId)}#creneau-${encodeURIComponent(slotId)}`;

function Slots({ event, chosen }: { event: EventDetail; chosen?: string }) {
  const missing = event.slots.filter((s) => s.missing > 0);
  const total = missing.reduce((sum, s) => sum + s.missing, 0);
  return (
    <section className={`card ${styles.card}`} aria-labelledby="slots-title">
      <h2 id="slots-title">
        {t('event.slotsHeading')}
        <HelpLink topic="s-inscrire-a-un-creneau" />
      </h2>
      {total > 0 && (
        <p className={styles.missing} role="status">
          {t('event.missingSummary', {
            count: total,
            details: missing.map((s) => `${tc('event.slotMissing', s.missing)} ${sayShortDay(s.startsAt)} ${sayHour(s.startsAt)}`).join(', '),
          })}
        </p>
      )}
      <p className={styles.muted}>{t('event.slotsIntro')}</p>
      <ul className={styles.slots}>
        {event.slots.map((slot) => (
          <li key={slot.id} id={`creneau-${slot.id}`} className={slot.id === chosen ? `${styles.slot} ${styles.slotChosen}` : styles.slot} data-slot={slot.id}>
            {slot.id === chosen && !slot.mine && <p className={styles.slotChosenNote}>{t('event.slotChosen')}</p>}
            <div className={styles.slotHead}>
              <span className={styles.slotTime}>
                {sayShortDay(slot.startsAt)}, {sayHour(slot.startsAt)} – {sayHour(slot.endsAt)}
                {slot.label ? ` · ${slot.label}` : ''}
              </span>
              <span className={slot.missing > 0 ? styles.slotState : styles.slotFull}>{tc('event.slotMissing', slot.missing)}</span>
            </div>
            <div className={styles.bar} role="img" aria-label={t('event.slotTaken', { taken: slot.taken, needed: slot.needed })}>
              <span style={{ width: `${Math.min(100, Math.round((slot.taken / slot.needed) * 100))}%` }} />
            </div>
            <p className={styles.muted}>{t('event.slotTaken', { taken: slot.taken, needed: slot.needed })}</p>
            {event.status === 'published' && (
              <ActionForm action={slot.mine ? leaveSlot : signUpForSlot}>
                <Hidden name="eventId" value={event.id} />
                <Hidden name="slotId" value={slot.id} />
                {slot.mine && <p className={styles.current}>{t('event.slotMine')}</p>}
                <SubmitButton secondary={slot.mine}>{slot.mine ? t('event.slotLeave') : t('event.slotSignUp')}</SubmitButton>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Answer({ event }: { event: EventDetail }) {
  return (
    <section className={`card ${styles.card}`} aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">
        {t('event.rsvpHeading')}
        <HelpLink topic="repondre-a-un-evenement" />
      </h2>
      {event.myRsvp && <p className={styles.current}>{t(`event.rsvpState.${event.myRsvp}`)}</p>}
      <div className={styles.buttons}>
        {(['going', 'maybe', 'no'] as const).map((answer) => (
          <ActionForm key={answer} action={answerEvent}>
            <Hidden name="eventId" value={event.id} />
            <Hidden name="answer" value={answer} />
            <SubmitButton secondary={answer !== 'going'}>{t(`event.rsvp.${answer}`)}</SubmitButton>
          </ActionForm>
        ))}
      </div>
    </section>
  );
}

async function Manage({ event, session }: { event: EventDetail; session: Session }) {
  const attendees = await callApi(routes.listEventAttendees, { params: { eventId: event.id } }, { token: session.idToken }).catch(() => ({ items: [] }));
  const slotTime = new Map(event.slots.map((s) => [s.id, `${sayHour(s.startsAt)} – ${sayHour(s.endsAt)}`]));
  return (
    <section className={`card ${styles.card}`} aria-labelledby="manage-title">
      <h2 id="manage-title">{t('event.manageHeading')}</h2>
      {event.announcement && (
        <p className={styles.current} role="status">
          <Icon name="megaphone" size={18} />{' '}
          {event.announcement.done
            ? tc('event.announcementSent', event.announcement.sent)
            : tc('event.announcementSending', event.announcement.sent)}
        </p>
      )}
      <div className={styles.buttons}>
        {new Date(event.startsAt) <= new Date() && event.status === 'published' && (
          <Link href={`${eventHref(event.id)}/compte-rendu`} className="button button-primary">
            {event.hasReport ? t('event.reportEdit') : t('event.report')}
          </Link>
        )}
        {event.status === 'published' && (
          <Link href={`${eventHref(event.id)}/modifier`} className="button button-secondary">
            {t('event.edit')}
          </Link>
        )}
        {event.status === 'published' && (
          <ActionForm action={cancelEvent}>
            <Hidden name="eventId" value={event.id} />
            <SubmitButton secondary>{t('event.cancel')}</SubmitButton>
          </ActionForm>
        )}
      </div>
      <h3>{t('event.attendeesHeading')}</h3>
      <ul className={styles.list}>
        {attendees.items.map((a, i) => (
          <li key={i}>
            {a.name} — {a.state === 'volunteer' ? `${t('event.attendeeVolunteer')} ${slotTime.get(a.slotId ?? '') ?? ''}` : t(`event.attendeeState.${a.state}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function EventPage({ params, searchParams }: Props) {
  const eventId = (await params).id;
  // The slot a mail's « Je viens » link names (`?creneau=`): shown marked, kept through the sign-in.
  const chosen = param(await searchParams, 'creneau')?.match(/^[\w-]{1,64}$/)?.[0];
  const session = await getSession();
  const loaded = await loadEvent(eventId, session);
  if (loaded.kind === 'sign-in') return <SignInToSee eventId={eventId} slotId={chosen} />;
  const event = loaded.event;
  const cancelled = event.status === 'cancelled';

  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <p className={styles.eyebrow}>
          <Link href={agendaHref(event.space.type, event.space.id)}>{t('event.backToAgenda', { space: event.space.name })}</Link>
        </p>
        <h1 className={cancelled ? styles.cancelled : undefined}>{event.title}</h1>
        <div className={styles.chips}>
          <span className="chip">{kindLabel(event.kind)}</span>
          {cancelled && <span className="chip chip-neutral">{t('event.cancelled')}</span>}
          <span className="chip chip-neutral">
            <Icon name="users" size={16} />
            {tc('event.going', event.going)}
            {event.capacity ? ` · ${t('event.capacity', { count: event.capacity })}` : ''}
          </span>
        </div>
      </header>
      {cancelled && (
        <p role="status" className={styles.missing}>
          {t('event.cancelledNotice')}
        </p>
      )}

      <div className={styles.columns}>
        <div className={styles.facts}>
          <section className={`card ${styles.card}`} aria-labelledby="facts-title">
            <h2 id="facts-title" className="visually-hidden">
              {event.title}
            </h2>
            <dl className={styles.facts}>
              <div>
                <dt>{t('event.when')}</dt>
                <dd>{sayWhen(event.startsAt, event.endsAt)}</dd>
              </div>
              <div>
                <dt>{t('event.where')}</dt>
                <dd>
                  {event.place.address}
                  {event.place.lat !== undefined && event.place.lon !== undefined && (
                    <>
                      {' · '}
                      <a href={mapLink(event.place.lat, event.place.lon)} rel="noopener noreferrer">
                        {t('event.mapLink')}
                      </a>
                    </>
                  )}
                </dd>
              </div>
            </dl>
            {event.description && <p className={styles.description}>{event.description}</p>}
            <p className={styles.muted}>{t('event.organizer', { name: loaded.kind === 'member' ? loaded.event.organizer.name : loaded.event.organizerName })}</p>
            {loaded.kind === 'member' && (
              <p>
                <a href={`${eventHref(event.id)}/ics`} download>
                  <Icon name="calendar" size={18} /> {t('event.calendarFile')}
                </a>
              </p>
            )}
          </section>
          {loaded.kind === 'member' && loaded.event.slots.length > 0 && <Slots event={loaded.event} chosen={chosen} />}
        </div>

        <div className={styles.facts}>
          {loaded.kind === 'member' && !cancelled && <Answer event={loaded.event} />}
          {loaded.kind === 'member' && loaded.event.canManage && session && <Manage event={loaded.event} session={session} />}
          {loaded.kind === 'visitor' && !cancelled && (
            <section className={`card ${styles.card}`} aria-labelledby="visitor-title">
              <h2 id="visitor-title">{t('event.visitorHeading')}</h2>
              <ActionForm action={answerAsVisitor}>
                <Hidden name="eventId" value={event.id} />
                <TextField name="name" label={t('event.visitorName')} autoComplete="name" required />
                <TextField name="email" type="email" label={t('event.visitorEmail')} autoComplete="email" required />
                <Checkbox name="consent" label={t('event.visitorConsent')} required />
                <p className={styles.muted}>{t('event.visitorConfirmHint')}</p>
                <SubmitButton>{t('event.rsvp.going')}</SubmitButton>
              </ActionForm>
              <p className={styles.muted}>
                <Link href={signInHref(eventHref(event.id))}>{t('event.signInToAnswer')}</Link>
              </p>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
