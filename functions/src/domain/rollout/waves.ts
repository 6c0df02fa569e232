import { randomBytes } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import type * as z from 'zod';
import type { Wave, WaveInput, WavePatch } from '../../contracts/rollout';
import { cancelScheduledJob, scheduleJob } from '../../shared/scheduler';
import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { mayManageWaves } from '../access/policy';
import { ConflictError, ValidationError } from '../errors';
import { FederationEntity } from '../territory/entities';
import { callerItem } from '../access/load-caller';
import { requirePerson } from '../access/authority';
import { syncWaveTrainings } from '../events/trainings';
import { loadWave, targetFederations } from './opening';
import { listRegions } from '../territory/service';
import { WaveEntity } from './entities';
import { openWave } from './opening';
import { relaunchStalledTasks, stalledTasks } from './relaunch';
import { isConditionFailure } from '../../shared/conditions';

type WaveItem = EntityItem<typeof WaveEntity>;
export type WaveView = z.infer<typeof Wave>;

const scheduleName = (waveId: string) => `wave-${waveId}`;

export function toWave(item: WaveItem): WaveView {
  const done = item.sent + item.failed + item.suppressed;
  return {
    id: item.waveId,
    name: item.name,
    regionCodes: item.regionCodes,
    federationCodes: item.federationCodes,
    opensAt: item.opensAt,
    trainings: item.trainings.map((training) => ({ ...training, eventId: training.eventId ?? null })),
    status: item.status,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    deployedAt: item.deployedAt,
    openedAt: item.openedAt,
    finishedAt: item.finishedAt,
    progress: {
      recipients: item.recipients,
      toSend: Math.max(0, item.recipients - done),
      sent: item.sent,
      failed: item.failed,
      suppressed: item.suppressed,
      bounced: item.bounced,
      complained: item.complained,
      unsubscribed: item.unsubscribed,
    },
  };
}

/** Checks that every region and federation named exists, naming the first unknown one. */
async function assertTerritoriesExist(input: { regionCodes?: string[]; federationCodes?: string[] }): Promise<void> {
  if (input.regionCodes?.length) {
    const known = new Set((await listRegions()).map((r) => r.code));
    const index = input.regionCodes.findIndex((code) => !known.has(code));
    if (index >= 0) throw new ValidationError([{ field: `body.regionCodes.${index}`, message: `région inconnue : ${input.regionCodes[index]}` }]);
  }
  if (input.federationCodes?.length) {
    const { data } = await FederationEntity.get(input.federationCodes.map((code) => ({ code }))).go({ preserveBatchOrder: true });
    const index = data.findIndex((f) => !f);
    if (index >= 0) throw new ValidationError([{ field: `body.federationCodes.${index}`, message: `fédération inconnue : ${input.federationCodes[index]}` }]);
  }
}


export async function listWaves(caller: Caller): Promise<WaveView[]> {
  mayManageWaves(caller, policyOptions);
  const { data } = await WaveEntity.query.all({}).go({ order: 'desc', pages: 'all' });
  return data.map(toWave);
}

/** A wave; while it sends, with the federations whose sending stalled (one Query of its tasks). */
export async function getWave(caller: Caller, waveId: string): Promise<WaveView> {
  mayManageWaves(caller, policyOptions);
  const wave = toWave(await loadWave(waveId));
  if (wave.status !== 'sending') return wave;
  return { ...wave, stalledFederations: [...new Set((await stalledTasks(waveId)).map((task) => task.federationCode))] };
}

/**
 * « Relancer l’envoi »: resumes the stalled tasks of a sending wave at their last committed page
 * (ADR 0009 — nobody gets a mail twice). 409 when the wave is not sending or nothing has stalled.
 */
export async function relaunchWave(caller: Caller, waveId: string): Promise<WaveView> {
  mayManageWaves(caller, policyOptions);
  const current = await loadWave(waveId);
  if (current.status !== 'sending') throw new ConflictError('wave.not-sending');
  if ((await relaunchStalledTasks(waveId)) === 0) throw new ConflictError('wave.nothing-to-relaunch');
  // Every stalled task was handed over or touched meanwhile: none is stalled any more.
  return { ...toWave(await loadWave(waveId)), stalledFederations: [] };
}

/** Who organizes a wave's trainings: the admin who made the wave, or the national team for the demo seed. */
export interface WaveOrganizer {
  userId: string;
  name: string;
}
const nationalTeam: WaveOrganizer = { userId: 'system', name: 'Coopol national' };

const asInstants = (trainings: z.output<typeof WaveInput>['trainings']) => trainings.map((t) => ({ ...t, startsAt: new Date(t.startsAt).toISOString() }));

/** Creates a draft wave and its trainings' events (ADR 0023); `by`: the admin, or the national team (demo seed). */
export async function createWaveAs(by: WaveOrganizer, input: z.output<typeof WaveInput>): Promise<WaveView> {
  await assertTerritoriesExist(input);
  const at = new Date().toISOString();
  const regionCodes = [...new Set(input.regionCodes)];
  const federationCodes = [...new Set(input.federationCodes)];
  const federations = (await targetFederations({ regionCodes, federationCodes })).map((f) => f.code);
  const trainings = await syncWaveTrainings({ name: input.name, organizer: by, federations }, asInstants(input.trainings));
  const { data } = await WaveEntity.create({
    waveId: randomBytes(10).toString('hex'),
    name: input.name,
    regionCodes,
    federationCodes,
    opensAt: new Date(input.opensAt).toISOString(),
    trainings,
    status: 'draft',
    createdBy: by.userId,
    createdAt: at,
    updatedAt: at,
  }).go();
  return toWave(data as WaveItem);
}

export async function createWave(caller: Caller, input: z.output<typeof WaveInput>): Promise<WaveView> {
  mayManageWaves(caller, policyOptions);
  return createWaveAs(await organizerOf(caller), input);
}

async function organizerOf(caller: Caller): Promise<WaveOrganizer> {
  const item = await callerItem(requirePerson(caller));
  return item ? { userId: item.userId, name: `${item.givenName} ${item.familyName}` } : nationalTeam;
}

export { nationalTeam };

const notDraft = () => new ConflictError('wave.not-draft');

/** Edits a draft; a deployed wave is frozen (its mails may be on their way). */
export async function updateWave(caller: Caller, waveId: string, patch: z.output<typeof WavePatch>): Promise<WaveView> {
  mayManageWaves(caller, policyOptions);
  const current = await loadWave(waveId);
  if (current.status !== 'draft') throw notDraft();
  await assertTerritoriesExist(patch);
  const next = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.regionCodes && { regionCodes: [...new Set(patch.regionCodes)] }),
    ...(patch.federationCodes && { federationCodes: [...new Set(patch.federationCodes)] }),
    ...(patch.opensAt && { opensAt: new Date(patch.opensAt).toISOString() }),
  };
  const regions = next.regionCodes ?? current.regionCodes;
  const federations = next.federationCodes ?? current.federationCodes;
  if (regions.length + federations.length === 0) throw new ValidationError([{ field: 'body.regionCodes', message: 'choisissez au moins une région ou une fédération' }]);
  // The trainings' events follow the wave: new ones made, removed ones cancelled, all shown to its territories as they now are.
  const trainings =
    patch.trainings || patch.regionCodes || patch.federationCodes || patch.name
      ? await syncWaveTrainings(
          {
            name: next.name ?? current.name,
            organizer: await organizerOf(caller),
            federations: (await targetFederations({ regionCodes: regions, federationCodes: federations })).map((f) => f.code),
          },
          patch.trainings ? asInstants(patch.trainings) : current.trainings,
          current.trainings,
        )
      : undefined;
  const { data } = await WaveEntity.patch({ waveId })
    .set({ ...next, ...(trainings && { trainings }), updatedAt: new Date().toISOString() })
    .where((attr, { eq }) => eq(attr.status, 'draft'))
    .go({ response: 'all_new' })
    .catch((error: Error) => {
      if (isConditionFailure(error)) throw notDraft();
      throw error;
    });
  return toWave(data as WaveItem);
}

/**
 * Deploys a draft: schedules its opening (EventBridge Scheduler; the local scheduler here). An
 * opening date already past opens it within seconds.
 */
export async function deployWave(caller: Caller, waveId: string): Promise<WaveView> {
  mayManageWaves(caller, policyOptions);
  const current = await loadWave(waveId);
  if (current.status !== 'draft') throw new ConflictError('wave.already-deployed');
  const at = new Date().toISOString();
  // Whoever deploys it signs its launch mail.
  const me = await callerItem(requirePerson(caller));
  const { data } = await WaveEntity.patch({ waveId })
    .set({ status: 'scheduled', deployedAt: at, updatedAt: at, ...(me && { deployedByName: `${me.givenName} ${me.familyName}` }) })
    .where((attr, { eq }) => eq(attr.status, 'draft'))
    .go({ response: 'all_new' })
    .catch((error: Error) => {
      if (isConditionFailure(error)) throw new ConflictError('wave.already-deployed');
      throw error;
    });
  const opensAt = new Date(Math.max(Date.parse(current.opensAt), Date.now() + 1000));
  await scheduleJob(scheduleName(waveId), 'wave-opening', opensAt, { waveId });
  return toWave(data as WaveItem);
}

/** Opens a draft or deployed wave now (its schedule, if any, is removed). */
export async function openWaveNow(caller: Caller, waveId: string): Promise<WaveView> {
  mayManageWaves(caller, policyOptions);
  const current = await loadWave(waveId);
  if (current.status === 'sending' || current.status === 'done') throw new ConflictError('wave.already-open');
  await cancelScheduledJob(scheduleName(waveId));
  await openWave(waveId);
  return toWave(await loadWave(waveId));
}
