'use client';

import { useEffect, useState, type HTMLInputAutoCompleteAttribute, type ReactNode } from 'react';
import { t } from '../../i18n/client/forms';
import { eye as eyeShape } from '../ui/shapes/eye';
import { IconSvg } from '../ui/IconSvg';
import { useField } from './field-parts';
import { TextField } from './TextField';
import styles from './forms.module.css';

/**
 * A password: a `TextField` with a button beside it that shows what was typed. The button needs
 * JavaScript, so it is offered once the page is interactive. Its own module, so that the pages with
 * other fields do not carry it (ADR 0026).
 */
export function PasswordField({
  name,
  label,
  hint,
  autoComplete,
  required = false,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  autoComplete: HTMLInputAutoCompleteAttribute;
  required?: boolean;
}) {
  const { controlId } = useField(name);
  const [revealed, setRevealed] = useState(false);
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  return (
    <TextField
      name={name}
      type="password"
      label={label}
      hint={hint}
      autoComplete={autoComplete}
      required={required}
      shown={revealed}
      beside={
        interactive && (
          <button type="button" className={styles.reveal} aria-pressed={revealed} aria-controls={controlId} onClick={() => setRevealed((value) => !value)}>
            <IconSvg size={18}>{eyeShape}</IconSvg>
            {t('form.showPassword')}
          </button>
        )
      }
    />
  );
}
