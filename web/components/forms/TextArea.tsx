'use client';

import type { ReactNode } from 'react';
import { describedBy, FieldError, FieldLabel, useField } from './field-parts';
import styles from './forms.module.css';

/** Longer text (a post, a comment): the same label, hint and error as a TextField, and what was typed kept after a refusal. */
export function TextArea({
  name,
  label,
  hint,
  required = false,
  maxLength,
  rows = 5,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  maxLength?: number;
  rows?: number;
  /** What an edit starts from (the text being changed). */
  defaultValue?: string;
}) {
  const field = useField(name);
  const previous = typeof field.submitted === 'string' ? field.submitted : undefined;
  return (
    <div className={styles.field}>
      <FieldLabel field={field} label={label} hint={hint} required={required} />
      <textarea
        id={field.controlId}
        name={name}
        required={required}
        aria-required={required || undefined}
        maxLength={maxLength}
        rows={rows}
        defaultValue={previous ?? defaultValue ?? ''}
        aria-invalid={field.errors.length ? true : undefined}
        aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}
        className={`${styles.input} ${styles.textarea}`}
      />
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}

