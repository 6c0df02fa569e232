'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { FormState } from '../../lib/form-state';
import { alert as alertShape } from '../ui/shapes/alert';
import { check as checkShape } from '../ui/shapes/check';
import { IconSvg } from '../ui/IconSvg';
import styles from './forms.module.css';

type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

/** How many times a saturated answer is sent again by itself before the person is left to try. */
const MAX_RETRIES = 10;

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
  // What was sent last (the form is emptied after each answer): sent again as it was when the service is saturated.
  const lastSent = useRef<FormData | null>(null);
  const retries = useRef(0);
  // The form's action is the server action's own `formAction`, so that React writes the form a browser
  // without JavaScript can post (a client function in its place would leave it dead until hydration).
  const remember = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    lastSent.current = new FormData(event.currentTarget, submitter);
  };

  useEffect(() => {
    if (state.status !== 'retry') {
      retries.current = 0;
      return;
    }
    const form = lastSent.current;
    if (!form || retries.current >= MAX_RETRIES) return;
    retries.current += 1;
    // Growing and jittered: everyone told to wait does not come back in the same second.
    const seconds = (state.retryInSeconds ?? 3) * Math.min(4, retries.current) * (0.75 + Math.random() / 2);
    const timer = setTimeout(() => startTransition(() => formAction(form)), seconds * 1000);
    return () => clearTimeout(timer);
  }, [state, formAction]);

  useEffect(() => {
    if (state.status !== 'error') return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [state]);

  return (
    <FormContext.Provider value={{ id, state, pending }}>
      <form ref={formRef} action={formAction} onSubmit={remember} noValidate className={className ?? styles.form} aria-labelledby={labelledBy}>
        {state.message && state.status === 'error' && (
          <div ref={alertRef} tabIndex={-1} role="alert" className={styles.alert}>
            <IconSvg size={22}>{alertShape}</IconSvg>
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
        {state.message && state.status === 'retry' && (
          <div role="status" className={styles.alert}>
            <IconSvg size={22}>{alertShape}</IconSvg>
            <p>{state.message}</p>
          </div>
        )}
        {state.message && state.status === 'done' && (
          <div role="status" className={styles.success}>
            <IconSvg size={22}>{checkShape}</IconSvg>
            <p>{state.message}</p>
          </div>
        )}
        {children}
      </form>
    </FormContext.Provider>
  );
}
