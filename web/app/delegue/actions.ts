'use server';

import { routes } from '@coopol/contracts';
import { redirect, unstable_rethrow } from 'next/navigation';
import { failure, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { callAsSignedIn, requireSession } from '../../lib/session';

const page = '/delegue';
const fields = ['kind', 'means', 'requesterName', 'requesterEmail', 'details'] as const;

/** A request taken down from a letter, a call or a visit: its month's deadline starts now. */
export async function createRequest(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession(page);
  const values = Object.fromEntries(fields.map((f) => [f, text(form, f)]));
  try {
    await callAsSignedIn(session, page, routes.createDpoRequest, {
      body: {
        kind: values.kind as 'export',
        means: values.means as 'courrier',
        requesterName: values.requesterName!,
        requesterEmail: values.requesterEmail!,
        details: values.details,
      },
    });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, fields);
  }
  redirect(`${page}?enregistree=1`);
}

/** Runs the export or the erasure on the person's behalf, or closes the request (each step journaled by the API). */
export async function actOnRequest(form: FormData): Promise<void> {
  const session = await requireSession(page);
  const requestId = text(form, 'requestId');
  const act = text(form, 'act');
  if (act === 'export' || act === 'erasure') {
    await callAsSignedIn(session, page, routes.runDpoRequest, { params: { requestId }, body: { action: act, content: 'delete' } });
  } else {
    await callAsSignedIn(session, page, routes.closeDpoRequest, { params: { requestId }, body: { outcome: act === 'refused' ? 'refused' : 'done', note: text(form, 'note') || 'Réponse faite à la personne.' } });
  }
  redirect(page);
}
