'use client';

import type { ReactNode } from 'react';
import { useFormContext } from './ActionForm';
import { describedBy, FieldError, useField } from './field-parts';
import styles from './forms.module.css';

/** One box to tick, such as consent: its label says exactly what is agreed to. `defaultChecked` until the form was sent. */
export function Checkbox({
  name,
  label,
  hint,
  required = false,
  defaultChecked = false,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  defaultChecked?: boolean;
}) {
  const field = useField(name);
  const { state } = useFormContext();
  return (
    <div className={styles.field}>
      <div className={styles.single}>
        <input
          id={field.controlId}
          type="checkbox"
          name={name}
          value="on"
          required={required}
          aria-required={required || undefined}
          defaultChecked={state.values ? state.values[name] === 'on' : defaultChecked}
          aria-invalid={field.errors.length ? true : undefined}
          aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}
        />
        <label htmlFor={field.controlId}>{label}</label>
      </div>
      {hint && (
        <div id={field.hintId} className={`${styles.hint} ${styles.singleHint}`}>
          {hint}
        </div>
      )}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}

