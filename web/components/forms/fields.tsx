'use client';

import { useEffect, useState, type HTMLInputAutoCompleteAttribute, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { t } from '../../i18n/client';
import { alert as alertShape, eye as eyeShape } from '../ui/icon-shapes';
import { IconSvg } from '../ui/IconSvg';
import { useFormContext } from './ActionForm';
import styles from './forms.module.css';

/**
 * The fields of an `ActionForm`. Each one finds its errors and its last submitted value in the
 * form's state by its `name`: label, hint and error are tied to the control (`aria-describedby`),
 * and `aria-invalid` marks a field in error.
 */

function useField(name: string) {
  const { id, state } = useFormContext();
  const base = `${id}-${name.replace(/\W/g, '-')}`;
  const errors = state.fieldErrors?.[name] ?? [];
  const submitted = state.values?.[name];
  return { controlId: base, hintId: `${base}-hint`, errorId: `${base}-error`, errors, submitted };
}

function describedBy(hint: boolean, error: boolean, ids: { hintId: string; errorId: string }): string | undefined {
  return [hint && ids.hintId, error && ids.errorId].filter(Boolean).join(' ') || undefined;
}

function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p id={id} className={styles.error}>
      <IconSvg size={18}>{alertShape}</IconSvg>
      <span>{errors.join(' · ')}</span>
    </p>
  );
}

/** A field's label (« facultatif » when it may stay empty) and its hint, tied to the control by ids. */
function FieldLabel({ field, label, hint, required }: { field: ReturnType<typeof useField>; label: string; hint?: ReactNode; required: boolean }) {
  return (
    <>
      <label htmlFor={field.controlId} className={styles.label}>
        {label}
        {!required && <span className={styles.optional}> {t('form.optional')}</span>}
      </label>
      {hint && (
        <div id={field.hintId} className={styles.hint}>
          {hint}
        </div>
      )}
    </>
  );
}

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

/** Hidden values the action needs (the address being confirmed, where to go next). */
export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function SubmitButton({ children, secondary = false }: { children: ReactNode; secondary?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`button ${secondary ? 'button-secondary' : 'button-primary'} ${styles.submit}`} disabled={pending} aria-disabled={pending}>
      {pending ? t('form.sending') : children}
    </button>
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
