import { tzOffset } from '@date-fns/tz';

/**
 * Paris time, the one module for it (ADR 0019): the party lives on Paris time, the API speaks in
 * instants (ISO 8601 with an explicit offset) and the table keeps UTC. The web turns what a person
 * types (a `datetime-local` value, Paris wall-clock) into an instant here, and both the web and the
 * functions say an instant in French, Paris time, here. Offsets come from @date-fns/tz, which reads
 * the runtime's own IANA data (Intl): daylight saving follows the rules without a bundled database.
 *
 * The two wall-clock times a change of hour makes odd, decided once:
 * - **one that does not exist** (the hour skipped on the last Sunday of March, 02:00–02:59):
 *   refused (`undefined`), so the form says so next to the field rather than moving the time;
 * - **one that exists twice** (the hour repeated on the last Sunday of October, 02:00–02:59): the
 *   first occurrence, still summer time (UTC+2), as iCalendar reads such a time (RFC 5545 § 3.3.5).
 */
export const PARIS = 'Europe/Paris';

const HOUR = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export const parisOffsetMinutes = (instant: Date | string): number => tzOffset(PARIS, new Date(instant));

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Paris wall-clock time of an instant (`2026-03-28T09:00`, seconds only when not zero): a `datetime-local` value. */
export function parisWallClock(instant: Date | string): string {
  const part = Object.fromEntries(wallClockFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const seconds = part.second && part.second !== '00' ? `:${part.second}` : '';
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}${seconds}`;
}

/** The Paris clock time (`09:00`) of an instant: how a slot is named in a refusal or a reminder. */
export const parisClock = (instant: Date | string): string => parisWallClock(instant).slice(11, 16);

/** The Paris calendar day (`2026-03-28`) of an instant. */
export const parisDay = (instant: Date | string): string => parisWallClock(instant).slice(0, 10);

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant of a Paris wall-clock time (`2026-03-28T09:00`, seconds optional), or `undefined`
 * when the text is not a date and time, the date does not exist (30 February), or the time does not
 * exist in Paris (the hour skipped in spring). A time that exists twice gives its first occurrence.
 */
export function instantOfParisWallClock(local: string): Date | undefined {
  const match = WALL_CLOCK.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const probe = new Date(asUtc);
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day! || probe.getUTCHours() !== hour! || probe.getUTCMinutes() !== minute!) return undefined;
  // Paris's offsets around that wall-clock time (half a day either side holds any change of hour);
  // each one that reads back as that wall-clock time is an occurrence of it.
  const offsets = new Set([parisOffsetMinutes(new Date(asUtc - 12 * HOUR)), parisOffsetMinutes(new Date(asUtc + 12 * HOUR))]);
  const occurrences = [...offsets]
    .map((offset) => asUtc - offset * 60_000)
    .filter((at) => parisOffsetMinutes(new Date(at)) * 60_000 === asUtc - at)
    .sort((a, b) => a - b);
  return occurrences.length ? new Date(occurrences[0]!) : undefined;
}

/** An instant as ISO 8601 with Paris's offset at that instant (`2026-11-21T14:30:00+01:00`): what the API takes. */
export function parisIso(instant: Date | string): string {
  const offset = parisOffsetMinutes(instant);
  const sign = offset < 0 ? '-' : '+';
  const wall = parisWallClock(instant);
  return `${wall.length === 16 ? `${wall}:00` : wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** A Paris wall-clock time typed in a form → the instant the API takes (`2026-11-21T14:30:00+01:00`), or `undefined` (see above). */
export function parisWallClockToIso(local: string): string | undefined {
  const instant = instantOfParisWallClock(local);
  return instant && parisIso(instant);
}

/** The instant a Paris day begins (`2026-03-29` → 2026-03-28T23:00:00Z): midnight always exists in Paris. */
export const startOfParisDay = (day: string): Date => instantOfParisWallClock(`${day}T00:00`)!;

// ——— Saying an instant in French, Paris time (pages and mails) ———

const fr = (options: Intl.DateTimeFormatOptions, timeZone = PARIS) => new Intl.DateTimeFormat('fr-FR', { timeZone, ...options });
const dateTime = fr({ dateStyle: 'long', timeStyle: 'short' });
const mediumDateTime = fr({ dateStyle: 'medium', timeStyle: 'short' });
const longDate = fr({ dateStyle: 'long' });
const weekdayDate = fr({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const weekdayDay = fr({ weekday: 'long', day: 'numeric', month: 'long' });
const shortWeekdayDay = fr({ weekday: 'short', day: 'numeric', month: 'short' });
const hourMinute = fr({ hour: 'numeric', minute: '2-digit' });
// Calendar days and months carry no zone: said as they are.
const shortDay = fr({ day: 'numeric', month: 'short' }, 'UTC');
const longDay = fr({ dateStyle: 'long' }, 'UTC');
const monthYear = fr({ month: 'long', year: 'numeric' }, 'UTC');

/** « 9 h », « 9 h 30 » */
export const sayHour = (instant: Date | string): string => hourMinute.format(new Date(instant)).replace(':00', ' h').replace(':', ' h ');

/** « samedi 28 mars à 9 h » — how mails say when something happens. */
export const sayParisTime = (instant: Date | string): string => `${weekdayDay.format(new Date(instant))} à ${sayHour(instant)}`;

/** « samedi 17 mai 2031, 9 h – 13 h » (the end's day too when it differs). */
export function sayWhen(startsAt: Date | string, endsAt: Date | string): string {
  const [from, to] = [weekdayDate.format(new Date(startsAt)), weekdayDate.format(new Date(endsAt))];
  return from === to ? `${from}, ${sayHour(startsAt)} – ${sayHour(endsAt)}` : `${from}, ${sayHour(startsAt)} – ${to}, ${sayHour(endsAt)}`;
}

/** « sam. 17 mai » */
export const sayShortDay = (instant: Date | string): string => shortWeekdayDay.format(new Date(instant));

/** « 21 novembre 2026 à 14:30 » */
export const formatParisDateTime = (instant: Date | string): string => dateTime.format(new Date(instant));

/** « 21 nov. 2026, 14:30 » (lists: posts, notifications, reports). */
export const formatParisDateTimeShort = (instant: Date | string): string => mediumDateTime.format(new Date(instant));

/** « 21 novembre 2026 » */
export const formatParisDate = (instant: Date | string): string => longDate.format(new Date(instant));

/** A calendar day (`2026-11-21`) as « 21 nov. ». */
export const formatDay = (day: string): string => shortDay.format(new Date(`${day}T00:00:00Z`));

/** A calendar day (`2026-11-21`) as « 21 novembre 2026 ». */
export const formatDayLong = (day: string): string => longDay.format(new Date(`${day}T00:00:00Z`));

/** A month (`2026-03`) as « mars 2026 ». */
export const sayMonth = (month: string): string => monthYear.format(new Date(`${month}-01T00:00:00Z`));
