import { SpaceStorageEntity } from './entities';

/** The bytes a space's documents take now (D1: 1 GetItem, consistent: the quota is checked on it). */
export async function usedBytes(spaceKey: string): Promise<number> {
  const { data } = await SpaceStorageEntity.get({ spaceKey }).go({ consistent: true });
  return data?.bytes ?? 0;
}

/** A document gone (removed, or erased with its uploader): its bytes leave the space's storage (the stream's REMOVE). */
export async function releaseStorage(removed: { spaceKey?: unknown; size?: unknown }): Promise<void> {
  if (typeof removed.spaceKey !== 'string' || typeof removed.size !== 'number') return;
  await SpaceStorageEntity.update({ spaceKey: removed.spaceKey }).subtract({ bytes: removed.size }).go();
}
