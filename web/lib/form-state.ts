/**
 * What a server action answers to the form that called it (`useActionState`): shared by the
 * actions (server) and `components/forms` (client), so it imports nothing.
 */
export interface FormState {
  /**
   * `idle` before the first submission; `error` with messages; `done` when saved in place; `retry`
   * when the service is only saturated (a launch day): the form sends the same data again by itself.
   */
  status: 'idle' | 'error' | 'done' | 'retry';
  /** With `retry`: when to send again, in seconds (the API's Retry-After). */
  retryInSeconds?: number;
  /** Shown at the top of the form (`role="alert"`), e.g. the API's French message. */
  message?: string;
  /** Messages per field name (`password`, `visibility.email`…), shown next to the field. */
  fieldErrors?: Record<string, string[]>;
  /** A way forward offered with the message (a refused sign-up: « pré-inscrivez-vous »). */
  next?: { href: string; label: string };
  /** What was typed (never a password): the form shows it again after the answer. */
  values?: Record<string, string | string[]>;
}

export const idleForm: FormState = { status: 'idle' };
