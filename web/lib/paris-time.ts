/**
 * Dates as the party lives them: in Paris time, whatever the server's zone (UTC in Lambda).
 * Forms give `datetime-local` values (no zone); the API wants ISO 8601 with an offset.
 */
const ZONE = 'Europe/Paris';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(at: number): number {
  const name = offsetFormat.formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * `2026-11-21T14:30` (or with seconds), read as Paris time → `2026-11-21T14:30:00+01:00`.
 * Undefined when the text is not a date and time.
 */
export function parisLocalToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return undefined;
  // The offset of the instant itself: twice, so that a time right after a change of hour is right.
  let offset = parisOffsetMinutes(asUtc - parisOffsetMinutes(asUtc) * 60_000);
  offset = parisOffsetMinutes(asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as a `datetime-local` value in Paris time (`2026-11-21T14:30`), for a form's default. */
export function isoToParisLocal(iso: string): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  const seconds = parts.second && parts.second !== '00' ? `:${parts.second}` : '';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}${seconds}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'long', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'long' });
const shortDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** « 21 novembre 2026 à 14:30 », Paris time. */
export function formatParisDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** « 21 novembre 2026 », Paris time. */
export function formatParisDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** A calendar day (`2026-11-21`, no zone) as « 21 nov. ». */
export function formatDay(day: string): string {
  return shortDateFormat.format(new Date(`${day}T00:00:00Z`));
}

/** A calendar day (`2026-11-21`) as « 21 novembre 2026 ». */
export function formatDayLong(day: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T00:00:00Z`));
}
