'use client';

import { useEffect, useState, type HTMLInputAutoCompleteAttribute, type ReactNode } from 'react';
import { t } from '../../i18n/client/forms';
import { eye as eyeShape } from '../ui/shapes/eye';
import { IconSvg } from '../ui/IconSvg';
import { describedBy, FieldError, FieldLabel, useField } from './field-parts';
import { Hidden } from './Hidden';
import styles from './forms.module.css';

export function TextField({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
  required = false,
  defaultValue = '',
  maxLength,
  short = false,
  revealable = false,
  step,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'datetime-local';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: 'numeric' | 'email' | 'text';
  required?: boolean;
  defaultValue?: string;
  maxLength?: number;
  /** Codes and postal codes: a narrow field. */
  short?: boolean;
  /** Passwords: a button shows what was typed. */
  revealable?: boolean;
  /** `datetime-local`: `1` lets seconds be typed. */
  step?: number;
}) {
  const field = useField(name);
  const [revealed, setRevealed] = useState(false);
  // The « show » button needs JavaScript: only offered once the page is interactive.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const previous = typeof field.submitted === 'string' ? field.submitted : undefined;
  const input = (
    <input
      id={field.controlId}
      name={name}
      type={revealable && revealed ? 'text' : type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      required={required}
      aria-required={required || undefined}
      maxLength={maxLength}
      step={step}
      spellCheck={type === 'email' || type === 'password' || inputMode === 'numeric' ? false : undefined}
      autoCapitalize={type === 'email' || type === 'password' ? 'none' : undefined}
      defaultValue={type === 'password' ? undefined : (previous ?? defaultValue)}
      aria-invalid={field.errors.length ? true : undefined}
      aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}
      className={short ? `${styles.input} ${styles.short}` : styles.input}
    />
  );
  return (
    <div className={styles.field}>
      <FieldLabel field={field} label={label} hint={hint} required={required} />
      {revealable && interactive ? (
        <div className={styles.withButton}>
          {input}
          <button
            type="button"
            className={styles.reveal}
            aria-pressed={revealed}
            aria-controls={field.controlId}
            onClick={() => setRevealed((value) => !value)}
          >
            <IconSvg size={18}>{eyeShape}</IconSvg>
            {t('form.showPassword')}
          </button>
        </div>
      ) : (
        input
      )}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}

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
