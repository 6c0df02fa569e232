import { redirect, unstable_rethrow } from 'next/navigation';
import { failure } from './form-actions';
import type { FormState } from './form-state';
import { requireSession, type Session } from './session';

/**
 * A button on a page (deploy a wave, cancel a message) as a server action does it: calls the API as
 * the signed-in person, then shows `returnTo` again with `notice` in its query — or answers `notice`
 * in place when it is a form state. A refusal is told in the button's form.
 */
export async function pageStep(returnTo: string, call: (session: Session) => Promise<unknown>, notice: string | FormState): Promise<FormState> {
  const session = await requireSession(returnTo);
  try {
    await call(session);
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, {}, []);
  }
  if (typeof notice !== 'string') return notice;
  redirect(`${returnTo}?${notice}=1`);
}
