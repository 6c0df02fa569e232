import type { EntityItem } from 'electrodb';
import { NotFoundError } from '../errors';
import { FederationEntity } from '../territory/entities';
import { FunnelEntity, WaveEntity, WaveTaskEntity } from './entities';
import { openFederations } from './territories';
import { isConditionFailure } from '../../shared/conditions';

/**
 * Opening a wave and closing it, shared by the API (« ouvrir maintenant »), the wave-opening job
 * (the schedule) and the sender (the last page of the last task). Nothing here schedules or
 * authorizes: the jobs that import it carry no such configuration.
 */

type WaveItem = EntityItem<typeof WaveEntity>;

export async function loadWave(waveId: string): Promise<WaveItem> {
  const { data } = await WaveEntity.get({ waveId }).go({ consistent: true });
  if (!data) throw new NotFoundError('wave.not-found', 'params.waveId');
  return data;
}

/** The federations a wave opens: those named, and those of the regions named. */
export async function targetFederations(wave: Pick<WaveItem, 'regionCodes' | 'federationCodes'>): Promise<{ code: string; regionCode?: string }[]> {
  const byRegion = await Promise.all(
    wave.regionCodes.map(async (regionCode) => (await FederationEntity.query.byRegion({ regionCode }).go({ pages: 'all' })).data),
  );
  const named = wave.federationCodes.length
    ? (await FederationEntity.get(wave.federationCodes.map((code) => ({ code }))).go()).data
    : [];
  const all = new Map<string, { code: string; regionCode?: string }>();
  for (const f of [...byRegion.flat(), ...named]) if (f) all.set(f.code, { code: f.code, regionCode: f.regionCode });
  return [...all.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Opens a wave (the wave-opening job, or an admin's « ouvrir maintenant »): its territories open
 * to sign-up, and one sending task per federation is written; each task's creation starts the
 * wave-sender job (table stream). Idempotent: run again after a failure, it finishes what is
 * missing and creates nothing twice.
 */
export async function openWave(waveId: string): Promise<void> {
  const wave = await loadWave(waveId);
  if (wave.status === 'done') return;
  const federations = await targetFederations(wave);
  const openedAt = wave.openedAt ?? new Date().toISOString();
  if (wave.status !== 'sending') {
    const funnels = (await FunnelEntity.get(federations.map((f) => ({ federationCode: f.code }))).go()).data;
    const recipients = funnels.reduce((sum, f) => sum + Math.max(0, f?.waiting ?? 0), 0);
    await WaveEntity.patch({ waveId })
      .set({ status: 'sending', openedAt, updatedAt: openedAt, recipients, tasksTotal: federations.length })
      .where((attr, { eq }) => `${eq(attr.status, 'draft')} OR ${eq(attr.status, 'scheduled')}`)
      .go()
      .catch((error: Error) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
  await openFederations(federations, waveId, openedAt);
  await Promise.all(
    federations.map((f) =>
      WaveTaskEntity.create({ waveId, federationCode: f.code, seq: 0, openedAt })
        .go()
        .catch((error: Error) => {
          if (!isConditionFailure(error)) throw error;
        }),
    ),
  );
  if (federations.length === 0) await finishWaveIfDone(waveId);
}

/** Marks the wave done once all its tasks are (called after each task's last page). */
export async function finishWaveIfDone(waveId: string): Promise<void> {
  const wave = await loadWave(waveId);
  if (wave.status !== 'sending' || wave.tasksDone < wave.tasksTotal) return;
  const at = new Date().toISOString();
  await WaveEntity.patch({ waveId })
    .set({ status: 'done', finishedAt: at, updatedAt: at })
    .where((attr, { eq }) => eq(attr.status, 'sending'))
    .go()
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
    });
}
