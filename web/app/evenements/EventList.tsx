import { type EventSummary, sayShortDay, sayWhen } from '@coopol/contracts';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import styles from './events.module.css';
import { kindLabel } from './format';
import { eventHref } from './hrefs';

/** A list of events in time order: date block, title, kind, place; `extra` adds a line per event. */
export function EventList({ events, empty, extra }: { events: EventSummary[]; empty: string; extra?: (event: EventSummary) => ReactNode }) {
  if (!events.length) return <p className={styles.muted}>{empty}</p>;
  return (
    <ul className={styles.list}>
      {events.map((event) => (
        <li key={event.id} className={`card ${styles.item}`}>
          <span className={styles.date} aria-hidden="true">
            {sayShortDay(event.startsAt)}
          </span>
          <div>
            <Link href={eventHref(event.id)} className={`${styles.itemTitle} ${event.status === 'cancelled' ? styles.cancelled : ''}`}>
              {event.title}
            </Link>
            <p className={styles.muted}>
              {kindLabel(event.kind)} · {sayWhen(event.startsAt, event.endsAt)} · {event.address}
              {event.status === 'cancelled' ? ` · ${t('event.cancelled')}` : ''}
            </p>
            {extra?.(event)}
          </div>
        </li>
      ))}
    </ul>
  );
}
