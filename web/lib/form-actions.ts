import { parisWallClockToIso } from '@coopol/contracts';
import { t } from '../i18n';
import { refusalText } from '../i18n/errors';
import { isApiError } from './api';
import type { FormState } from './form-state';

/** Helpers for the server actions behind the site's forms (never imported by client components). */

/** A text field, trimmed; empty when absent. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A field sent as is (passwords: spaces count). */
export function raw(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes). */
export function all(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string');
}

/**
 * A `datetime-local` field, typed in Paris time, as the instant the API takes (ISO 8601 with
 * Paris's offset, ADR 0019). Empty stays empty (the API names the missing field); a time that does
 * not exist in Paris (the hour skipped in spring) or cannot be read is put in `errors` under `field`.
 */
export function parisInstant(form: FormData, name: string, errors: Record<string, string[]>, field = name): string {
  const local = text(form, name);
  if (!local) return '';
  const instant = parisWallClockToIso(local);
  if (instant === undefined) (errors[field] ??= []).push(t('form.notAParisTime'));
  return instant ?? '';
}

/**
 * The form field an API detail is about: `body.password` → `password`,
 * `body.visibility.email` → `visibility.email`, `body.segment.status` → `segment.status`, `body.interests.3` → `interests`,
 * `body.place.lat` → `mapLink`.
 */
export function fieldOf(path: string): string {
  const parts = path.replace(/^body\./, '').split('.').filter((part) => !/^\d+$/.test(part));
  if (parts[0] === 'place' && (parts[1] === 'lat' || parts[1] === 'lon')) return 'mapLink'; // an event's map point comes from its link
  // A profile's visibility and a message's segment have a field per part.
  return (parts[0] === 'visibility' || parts[0] === 'segment') && parts[1] ? `${parts[0]}.${parts[1]}` : (parts[0] ?? path);
}

/**
 * An API refusal as the form shows it: its text from its code (`refusalText`) at the top, each detail next to
 * its field (or at the top when the form has no such field). Anything else is logged and told
 * plainly, without internals.
 */
export function failure(error: unknown, values: FormState['values'], fields: readonly string[]): FormState {
  if (!isApiError(error)) {
    console.error('A form could not reach the API', error);
    return { status: 'error', message: t('form.unavailable'), values };
  }
  // Saturated, not refused (Cognito's quota on a launch day, API Gateway's throttle): sent again by the form.
  if ((error.statusCode === 503 && error.code === 'Busy') || (error.statusCode === 429 && !error.code)) {
    return { status: 'retry', message: t('form.busy'), retryInSeconds: error.retryAfterSeconds ?? 3, values };
  }
  const fieldErrors: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const detail of error.details ?? []) {
    const field = fieldOf(detail.field);
    if (fields.includes(field)) (fieldErrors[field] ??= []).push(detail.message);
    else elsewhere.push(detail.message);
  }
  let message = error.statusCode >= 500 ? t('form.unavailable') : refusalText(error);
  if (error.statusCode === 429 && error.retryAfterSeconds) {
    message = `${message} ${t('form.retryAfter', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })}`;
  }
  if (elsewhere.length) message = `${message} (${elsewhere.join(' ; ')})`;
  if (Object.keys(fieldErrors).length) message = `${message} ${t('form.fixFields')}`;
  return { status: 'error', message, fieldErrors, values };
}

/** A refusal decided here, before calling the API (a missing field). */
export function invalid(fieldErrors: Record<string, string[]>, values: FormState['values']): FormState {
  return { status: 'error', message: t('form.fixFields'), fieldErrors, values };
}

/**
 * A refusal as one line, for the steps of an upload (no form fields to put details beside): the
 * API's message with its details; anything else logged and told plainly.
 */
export function refusalLine(error: unknown, what: string): string {
  if (isApiError(error) && error.statusCode < 500) {
    const details = (error.details ?? []).map((detail) => detail.message);
    return details.length ? `${refusalText(error)} (${details.join(' ; ')})` : refusalText(error);
  }
  console.error(`${what} could not be handled`, error);
  return t('form.unavailable');
}
