import { TZDate } from '@date-fns/tz';

/**
 * The party lives on Paris time: organizers enter wall-clock times (`2026-03-28T09:00`), the table
 * keeps UTC instants. @date-fns/tz does the conversion with the runtime's own time-zone data (Intl),
 * so daylight saving follows the IANA rules without a bundled database.
 */
export const PARIS = 'Europe/Paris';

const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-28T09:00` (Paris) of an instant. */
export function toParis(instant: Date | string): string {
  return wallClock.format(new Date(instant)).replace(' ', 'T');
}

/** The Paris calendar day (`2026-03-28`) of an instant. */
export const parisDay = (instant: Date | string) => toParis(instant).slice(0, 10);

/**
 * The instant of a Paris wall-clock time, or `undefined` when that time does not exist (the hour
 * skipped when clocks go forward, e.g. 2026-03-29T02:30). In the repeated autumn hour, the second
 * (winter-time) occurrence is taken.
 */
export function fromParis(local: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new TZDate(year, month - 1, day, hour, minute, PARIS);
  const instant = new Date(date.getTime());
  return toParis(instant) === local ? instant : undefined;
}

/** « samedi 28 mars à 9 h » — how mails and pages say a time. */
export function sayParisTime(instant: Date | string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
  return parts.replace(':00', ' h').replace(':', ' h ');
}
