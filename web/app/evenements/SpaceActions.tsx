import { routes, sayHour, sayShortDay, type EventDetail, type EventSummary, type SpaceType } from '@coopol/contracts';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { Icon } from '../../components/ui/Icon';
import { t, tc } from '../../i18n';
import { callAsSignedIn, type Session } from '../../lib/session';
import { signUpForSlot } from './actions';
import { EventList } from './EventList';
import styles from './events.module.css';
import { agendaHref, eventHref } from './hrefs';

/** How many of the space's next events are looked at for open slots (one request each, in parallel). */
const LOOK_AHEAD = 4;

/**
 * « Action first »: a space's next actions, and « La section a besoin de vous » — the open volunteer
 * slots of its next events, each one click from a sign-up. Reads the space's agenda (one page) and
 * the next few events' slots in parallel: a constant number of requests. Nothing shows when the
 * caller may not read the agenda (the page around it stands).
 */
export async function SpaceActions({ session, space, returnTo, needsHeading }: { session: Session; space: { type: SpaceType; id: string }; returnTo: string; needsHeading?: string }) {
  const agenda = await callAsSignedIn(session, returnTo, routes.listSpaceAgenda, { params: { spaceType: space.type, spaceId: space.id }, query: { limit: 6 } }).catch(() => null);
  if (!agenda) return null;
  const upcoming = agenda.items.filter((e) => e.status === 'published');
  const details = await Promise.all(
    upcoming.slice(0, LOOK_AHEAD).map((e) => callAsSignedIn(session, returnTo, routes.getEvent, { params: { eventId: e.id } }).catch(() => null)),
  );
  const open = details
    .filter((e): e is EventDetail => e !== null)
    .flatMap((event) => event.slots.filter((slot) => slot.missing > 0 && !slot.mine).map((slot) => ({ event, slot })));
  return (
    <>
      <NeedsList open={open} heading={needsHeading ?? t('actions.needsHeading')} />
      <section className={`card ${styles.card}`} aria-labelledby={`next-${space.type}`}>
        <h2 id={`next-${space.type}`}>{t('actions.nextHeading')}</h2>
        <EventList events={upcoming} empty={t('agenda.empty')} />
        <p>
          <Link href={agendaHref(space.type, space.id)}>
            {t('actions.wholeAgenda')} <Icon name="arrowRight" size={18} />
          </Link>
        </p>
      </section>
    </>
  );
}

function NeedsList({ open, heading }: { open: { event: EventDetail; slot: EventDetail['slots'][number] }[]; heading: string }) {
  if (open.length === 0) return null;
  return (
    <section className={`card ${styles.card} ${styles.needs}`} aria-labelledby="needs-title">
      <h2 id="needs-title">{heading}</h2>
      <ul className={styles.needList}>
        {open.map(({ event, slot }) => (
          <li key={`${event.id}-${slot.id}`} className={styles.need} data-need={slot.id}>
            <div>
              <Link href={eventHref(event.id)} className={styles.itemTitle}>
                {event.title}
              </Link>
              <p className={styles.muted}>
                {sayShortDay(slot.startsAt)}, {sayHour(slot.startsAt)} – {sayHour(slot.endsAt)}
                {slot.label ? ` · ${slot.label}` : ''} · {event.address}
              </p>
              <p className={styles.slotState}>{tc('event.slotMissing', slot.missing)}</p>
            </div>
            <ActionForm action={signUpForSlot}>
              <Hidden name="eventId" value={event.id} />
              <Hidden name="slotId" value={slot.id} />
              <SubmitButton>{t('event.slotSignUp')}</SubmitButton>
            </ActionForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** My next answers and sign-ups (« Mes prochaines actions »), the first few of my agenda. */
export async function MyNextActions({ session }: { session: Session }) {
  const mine = await callAsSignedIn(session, '/', routes.myAgenda, {}).catch(() => ({ items: [] as EventSummary[] }));
  if (mine.items.length === 0) return null;
  return (
    <section className={`card ${styles.card}`} aria-labelledby="mine-title">
      <h2 id="mine-title">{t('actions.mineHeading')}</h2>
      <EventList events={mine.items.slice(0, 3)} empty="" />
      <p>
        <Link href="/agenda">
          {t('actions.myAgenda')} <Icon name="arrowRight" size={18} />
        </Link>
      </p>
    </section>
  );
}
