'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { t } from '../../i18n/client/forms';
import styles from './forms.module.css';

export function SubmitButton({ children, secondary = false }: { children: ReactNode; secondary?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`button ${secondary ? 'button-secondary' : 'button-primary'} ${styles.submit}`} disabled={pending} aria-disabled={pending}>
      {pending ? t('form.sending') : children}
    </button>
  );
}

