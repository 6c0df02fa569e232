import type { UpdateProfileRequest } from '@coopol/contracts';
import { visibilityFields } from '../components/people/labels';
import { all, text } from './form-actions';
import type { FormState } from './form-state';

/** Every field name of the profile forms, for placing the API's errors next to them. */
export const profileFieldNames = [
  'givenName',
  'familyName',
  'postalCode',
  'functions',
  'otherFunction',
  'mandates',
  'interests',
  ...visibilityFields.map((field) => `visibility.${field}`),
  'findableBy',
  'writableBy',
] as const;

/** « santé, école ; logement » → ['santé', 'école', 'logement'] (each once). */
export function splitInterests(value: string): string[] {
  const seen = new Set<string>();
  return value
    .split(/[,;\n]/)
    .map((interest) => interest.trim().replace(/\s+/g, ' '))
    .filter((interest) => {
      const key = interest.toLocaleLowerCase('fr-FR');
      if (!interest || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * The PATCH body a profile form describes, and what to show again in the form. The names and the
 * postal code are only in the profile page's form; the API checks every value.
 */
export function readProfileForm(form: FormData): { body: UpdateProfileRequest; values: FormState['values'] } {
  const functions = all(form, 'functions');
  const mandates = all(form, 'mandates');
  const otherFunction = text(form, 'otherFunction');
  const interests = text(form, 'interests');
  const visibility: Record<string, string> = {};
  for (const field of visibilityFields) {
    const audience = text(form, `visibility.${field}`);
    if (audience) visibility[field] = audience;
  }
  const body: Record<string, unknown> = {
    functions,
    mandates,
    otherFunction: otherFunction || null,
    interests: splitInterests(interests),
    visibility,
  };
  const findableBy = text(form, 'findableBy');
  if (findableBy) body.findableBy = findableBy;
  const writableBy = text(form, 'writableBy');
  if (writableBy) body.writableBy = writableBy;
  const values: Record<string, string | string[]> = { functions, mandates, otherFunction, interests, ...(findableBy && { findableBy }), ...(writableBy && { writableBy }) };
  for (const [field, audience] of Object.entries(visibility)) values[`visibility.${field}`] = audience;
  for (const name of ['givenName', 'familyName', 'postalCode']) {
    if (!form.has(name)) continue;
    const value = text(form, name);
    values[name] = value;
    // An emptied name is sent, for the API to refuse it; an empty postal code means « no move ».
    if (name !== 'postalCode') body[name] = value;
    else if (value) body[name] = value.replace(/\s+/g, '');
  }
  return { body: body as UpdateProfileRequest, values };
}
