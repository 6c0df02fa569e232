import type { ReactNode } from 'react';
import { t } from '../../i18n/client/forms';
import { alert as alertShape } from '../ui/shapes/alert';
import { IconSvg } from '../ui/IconSvg';
import { useFormContext } from './ActionForm';
import styles from './forms.module.css';

/**
 * What the fields of an `ActionForm` share. Each field finds its errors and its last submitted value
 * in the form's state by its `name`: label, hint and error are tied to the control
 * (`aria-describedby`), and `aria-invalid` marks a field in error. One module per field
 * (`TextField`, `TextArea`, `Checkbox`, `choices`, `SubmitButton`, `Hidden`), so that a page's
 * chunk carries only the fields it draws (ADR 0026).
 */

export function useField(name: string) {
  const { id, state } = useFormContext();
  const base = `${id}-${name.replace(/\W/g, '-')}`;
  const errors = state.fieldErrors?.[name] ?? [];
  const submitted = state.values?.[name];
  return { controlId: base, hintId: `${base}-hint`, errorId: `${base}-error`, errors, submitted };
}

export function describedBy(hint: boolean, error: boolean, ids: { hintId: string; errorId: string }): string | undefined {
  return [hint && ids.hintId, error && ids.errorId].filter(Boolean).join(' ') || undefined;
}

export function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p id={id} className={styles.error}>
      <IconSvg size={18}>{alertShape}</IconSvg>
      <span>{errors.join(' · ')}</span>
    </p>
  );
}

/** A field's label (« facultatif » when it may stay empty) and its hint, tied to the control by ids. */
export function FieldLabel({ field, label, hint, required }: { field: ReturnType<typeof useField>; label: string; hint?: ReactNode; required: boolean }) {
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

