'use client';

import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { describedBy, FieldError, FieldLabel, useField } from './field-parts';
import styles from './forms.module.css';

/**
 * One line of text: label, hint and error tied to the input. Passwords are `PasswordField` (its
 * « Afficher » button), codes and postal codes `preset-fields`: a page's script carries only this.
 */
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
  shown = false,
  beside,
  step,
  list,
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
  /** A password shown as it was typed (`PasswordField`). */
  shown?: boolean;
  /** A control beside the input (`PasswordField`'s « Afficher »). */
  beside?: ReactNode;
  /** `datetime-local`: `1` lets seconds be typed. */
  step?: number;
  /** The id of a `<datalist>` of suggestions (a space's folders). */
  list?: string;
}) {
  const field = useField(name);
  const previous = typeof field.submitted === 'string' ? field.submitted : undefined;
  const input = (
    <input
      id={field.controlId}
      name={name}
      type={shown ? 'text' : type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      required={required}
      aria-required={required || undefined}
      maxLength={maxLength}
      step={step}
      list={list}
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
      {beside ? (
        <div className={styles.withButton}>
          {input}
          {beside}
        </div>
      ) : (
        input
      )}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}
