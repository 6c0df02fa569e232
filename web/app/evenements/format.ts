import { t } from '../../i18n';

/** Times as people in the party read them: Paris time, whatever the server's zone. */
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'short' });
const hour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' });
const month = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** « 9 h », « 9 h 30 » */
export const sayHour = (instant: string) => hour.format(new Date(instant)).replace(':00', ' h').replace(':', ' h ');

/** « samedi 17 mai 2031, 9 h – 13 h » (the end's day too when it differs). */
export function sayWhen(startsAt: string, endsAt: string): string {
  const sameDay = day.format(new Date(startsAt)) === day.format(new Date(endsAt));
  return sameDay
    ? `${day.format(new Date(startsAt))}, ${sayHour(startsAt)} – ${sayHour(endsAt)}`
    : `${day.format(new Date(startsAt))}, ${sayHour(startsAt)} – ${day.format(new Date(endsAt))}, ${sayHour(endsAt)}`;
}

/** « sam. 17 mai » */
export const sayShortDay = (instant: string) => shortDay.format(new Date(instant));

/** « mars 2026 » for `2026-03`. */
export const sayMonth = (value: string) => month.format(new Date(`${value}-01T00:00:00Z`));

export const kindLabel = (kind: string) => t(`event.kind.${kind}` as 'event.kind.autre');
