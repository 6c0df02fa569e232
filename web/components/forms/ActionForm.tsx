'use client';

import { createContext, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import type { FormState } from '../../lib/form-state';
import { Icon } from '../ui/Icon';
import styles from './forms.module.css';

type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

interface FormContextValue {
  id: string;
  state: FormState;
  pending: boolean;
}

const FormContext = createContext<FormContextValue>({ id: 'form', state: { status: 'idle' }, pending: false });

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}

/**
 * A form posted to a server action (`useActionState`): works without JavaScript (the page comes
 * back with the answer), shows the answer's message at the top and each field's error next to it
 * (see `fields.tsx`), and moves the focus to the first field in error.
 * Its fields are given by a server component, with their labels already translated.
 */
export function ActionForm({
  action,
  initialState = { status: 'idle' },
  children,
  className,
  'aria-labelledby': labelledBy,
}: {
  action: FormAction;
  initialState?: FormState;
  children: ReactNode;
  className?: string;
  'aria-labelledby'?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status !== 'error') return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [state]);

  return (
    <FormContext.Provider value={{ id, state, pending }}>
      <form ref={formRef} action={formAction} noValidate className={className ?? styles.form} aria-labelledby={labelledBy}>
        {state.message && state.status === 'error' && (
          <div ref={alertRef} tabIndex={-1} role="alert" className={styles.alert}>
            <Icon name="alert" size={22} />
            <div className={styles.alertText}>
              <p>{state.message}</p>
              {state.next && (
                <p>
                  <a href={state.next.href}>{state.next.label}</a>
                </p>
              )}
            </div>
          </div>
        )}
        {state.message && state.status === 'done' && (
          <div role="status" className={styles.success}>
            <Icon name="check" size={22} />
            <p>{state.message}</p>
          </div>
        )}
        {children}
      </form>
    </FormContext.Provider>
  );
}
