'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { t } from '../../../i18n';
import { all, failure, invalid, parisInstant, text } from '../../../lib/form-actions';
import type { FormState } from '../../../lib/form-state';
import { pageStep } from '../../../lib/page-step';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import { TRAINING_ROWS } from './wave-fields';


const waveFields = ['name', 'regionCodes', 'federationCodes', 'opensAt', 'trainings'] as const;

type WaveBody = {
  name: string;
  regionCodes: string[];
  federationCodes: string[];
  opensAt: string;
  trainings: { title: string; startsAt: string; place: string }[];
};

/**
 * The wave form as the API wants it: dates typed in Paris time become ISO 8601 with their offset,
 * empty training rows are left out. A date that cannot be read is refused here, next to its field.
 */
function readWaveForm(form: FormData): { body: WaveBody; values: Record<string, string | string[]>; errors: Record<string, string[]> } {
  const values: Record<string, string | string[]> = {
    name: text(form, 'name'),
    regionCodes: all(form, 'regionCodes'),
    federationCodes: all(form, 'federationCodes'),
    opensAt: text(form, 'opensAt'),
  };
  const errors: Record<string, string[]> = {};
  const opensAt = parisInstant(form, 'opensAt', errors);
  const trainings: WaveBody['trainings'] = [];
  for (let row = 0; row < TRAINING_ROWS; row++) {
    const title = text(form, `trainingTitle${row}`);
    const startsAtLocal = text(form, `trainingStartsAt${row}`);
    const place = text(form, `trainingPlace${row}`);
    Object.assign(values, { [`trainingTitle${row}`]: title, [`trainingStartsAt${row}`]: startsAtLocal, [`trainingPlace${row}`]: place });
    if (!title && !startsAtLocal && !place) continue;
    const startsAt = parisInstant(form, `trainingStartsAt${row}`, errors, 'trainings');
    if (!title || !place || !startsAtLocal) (errors.trainings ??= []).push(t('waves.trainingIncomplete'));
    trainings.push({ title, startsAt, place });
  }
  const body = {
    name: values.name as string,
    regionCodes: values.regionCodes as string[],
    federationCodes: values.federationCodes as string[],
    opensAt,
    trainings,
  };
  return { body, values, errors };
}

/** A new wave, as a draft; then to its page, to read it over and deploy it. */
export async function createWave(_previous: FormState, form: FormData): Promise<FormState> {
  const returnTo = '/admin/vagues';
  const session = await requireSession(returnTo);
  const { body, values, errors } = readWaveForm(form);
  if (Object.keys(errors).length) return invalid(errors, values);
  let waveId: string;
  try {
    waveId = (await callAsSignedIn(session, returnTo, routes.createWave, { body })).id;
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, waveFields);
  }
  redirect(`/admin/vagues/${waveId}?cree=1`);
}

/** Saves the draft (the API refuses once the wave is deployed). */
export async function updateWave(_previous: FormState, form: FormData): Promise<FormState> {
  const waveId = text(form, 'waveId');
  const returnTo = `/admin/vagues/${waveId}`;
  const session = await requireSession(returnTo);
  const { body, values, errors } = readWaveForm(form);
  if (Object.keys(errors).length) return invalid(errors, values);
  try {
    await callAsSignedIn(session, returnTo, routes.updateWave, { params: { waveId }, body });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, waveFields);
  }
  refresh();
  return { status: 'done', message: t('waves.saved'), values };
}

/** A button on a wave's page: calls `route` on the wave, then shows the page again with `notice` in its query. */
async function waveStep(form: FormData, route: typeof routes.deployWave | typeof routes.openWave | typeof routes.relaunchWave, notice: string): Promise<FormState> {
  const waveId = text(form, 'waveId');
  const returnTo = `/admin/vagues/${waveId}`;
  return pageStep(returnTo, (session) => callAsSignedIn(session, returnTo, route, { params: { waveId } }), notice);
}

/** Deploys the wave: its opening is scheduled at its date. */
export async function deployWave(_previous: FormState, form: FormData): Promise<FormState> {
  return waveStep(form, routes.deployWave, 'deployee');
}

/** Opens the wave now, without waiting for its date. */
export async function openWaveNow(_previous: FormState, form: FormData): Promise<FormState> {
  return waveStep(form, routes.openWave, 'ouverte');
}

/** Relaunches the stalled sending of a wave (« Relancer l’envoi »). */
export async function relaunchWave(_previous: FormState, form: FormData): Promise<FormState> {
  return waveStep(form, routes.relaunchWave, 'relancee');
}
