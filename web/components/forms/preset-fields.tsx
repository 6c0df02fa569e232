// No 'use client': fields with their settings given, drawn by the server around `TextField`, so a
// page's script carries the one field module only (ADR 0026).
import type { ReactNode } from 'react';
import { Hidden } from './Hidden';
import { TextField } from './TextField';

/** A 6-digit one-time code (emailed, or from an authenticator app): numeric keypad, autofill from SMS/mail. */
export function CodeField({ label, hint }: { label: string; hint?: ReactNode }) {
  return <TextField name="code" label={label} hint={hint} autoComplete="one-time-code" inputMode="numeric" maxLength={6} required short />;
}

/** A French postal code (5 digits, numeric keypad, autofill): sign-up, preregistration, a supporter's move. */
export function PostalCodeField({ label, hint, defaultValue, required = false }: { label: string; hint?: ReactNode; defaultValue?: string; required?: boolean }) {
  return <TextField name="postalCode" label={label} hint={hint} autoComplete="postal-code" inputMode="numeric" maxLength={5} defaultValue={defaultValue} required={required} short />;
}

/**
 * The address a code was sent to: carried along when the page knows it, asked for otherwise (the
 * `emailVisible` flag tells the action to report errors on the field).
 */
export function EmailUnlessKnown({ email, label }: { email?: string; label: string }) {
  if (email) return <Hidden name="email" value={email} />;
  return (
    <>
      <Hidden name="emailVisible" value="1" />
      <TextField name="email" type="email" label={label} autoComplete="email" required />
    </>
  );
}
