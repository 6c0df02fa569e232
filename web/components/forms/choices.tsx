'use client';

import type { ReactNode } from 'react';
import { useFormContext } from './ActionForm';
import { describedBy, FieldError, useField } from './field-parts';
import styles from './forms.module.css';

export interface Choice {
  value: string;
  label: string;
}

/** Several choices among many (functions, mandates): a fieldset of checkboxes, optionally in groups. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  choices = [],
  groups = [],
  defaultValues = [],
  columns = false,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  choices?: Choice[];
  /** Choices under sub-headings (each a fieldset of its own). */
  groups?: { label: string; choices: Choice[] }[];
  defaultValues?: string[];
  columns?: boolean;
}) {
  const field = useField(name);
  const { state } = useFormContext();
  // After a submission, what was ticked then (an empty list when nothing was).
  const checked = new Set(state.values ? (Array.isArray(field.submitted) ? field.submitted : []) : defaultValues);
  const boxes = (list: Choice[]) => (
    <div className={columns ? `${styles.choices} ${styles.columns}` : styles.choices}>
      {list.map((choice) => (
        <label key={choice.value} className={styles.choice}>
          <input type="checkbox" name={name} value={choice.value} defaultChecked={checked.has(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}
      aria-invalid={field.errors.length ? true : undefined}
    >
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <div id={field.hintId} className={styles.hint}>
          {hint}
        </div>
      )}
      {choices.length > 0 && boxes(choices)}
      {groups.map((group) => (
        <fieldset key={group.label} className={styles.subgroup}>
          <legend className={styles.sublegend}>{group.label}</legend>
          {boxes(group.choices)}
        </fieldset>
      ))}
      <FieldError id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function SelectField({
  name,
  label,
  hint,
  choices,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  choices: Choice[];
  defaultValue: string;
}) {
  const field = useField(name);
  const previous = typeof field.submitted === 'string' ? field.submitted : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={field.controlId} className={styles.label}>
        {label}
      </label>
      {hint && (
        <div id={field.hintId} className={styles.hint}>
          {hint}
        </div>
      )}
      {/* React applies a select's defaultValue on mount only, and a form action resets the form to it:
          a new key remounts it with the value just submitted, so a refused form keeps the choice. */}
      <select
        key={previous ?? defaultValue}
        id={field.controlId}
        name={name}
        defaultValue={previous ?? defaultValue}
        aria-invalid={field.errors.length ? true : undefined}
        aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}
        className={`${styles.input} ${styles.select}`}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** One choice among a few (adherent or supporter): a fieldset of radio buttons. */
export function RadioGroup({
  name,
  legend,
  hint,
  choices,
  defaultValue,
  required = false,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  choices: Choice[];
  defaultValue?: string;
  required?: boolean;
}) {
  const field = useField(name);
  const { state } = useFormContext();
  const checked = state.values ? field.submitted : defaultValue;
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}
      aria-invalid={field.errors.length ? true : undefined}
    >
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <div id={field.hintId} className={styles.hint}>
          {hint}
        </div>
      )}
      <div className={styles.choices}>
        {choices.map((choice) => (
          <label key={choice.value} className={styles.choice}>
            <input type="radio" name={name} value={choice.value} required={required} defaultChecked={checked === choice.value} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/** Fields that go together (a training: title, date, place), with the errors the API gives for the group's `name`. */
export function FieldGroup({ name, legend, hint, children }: { name: string; legend: string; hint?: ReactNode; children: ReactNode }) {
  const field = useField(name);
  return (
    <fieldset className={styles.fieldset} aria-describedby={describedBy(Boolean(hint), field.errors.length > 0, field)}>
      <legend className={styles.legend}>{legend}</legend>
      {hint && (
        <div id={field.hintId} className={styles.hint}>
          {hint}
        </div>
      )}
      <FieldError id={field.errorId} errors={field.errors} />
      {children}
    </fieldset>
  );
}

