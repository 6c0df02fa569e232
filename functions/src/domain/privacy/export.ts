import { randomBytes } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ExportStatus } from '../../contracts/privacy';
import { filesBucket, s3 } from '../../shared/files';
import { requirePerson } from '../access/authority';
import type { Caller } from '../access/caller';
import { ConflictError, NotFoundError } from '../errors';
import { PersonEntity } from '../people/entities';
import { SweepTaskEntity } from './entities';
import { expiryFrom } from './retention';
import { freshCursors, type SweepTask } from './sweep';

/** How long a download link handed to the owner works (the mailed Coopol link works 7 days). */
const DOWNLOAD_LINK_SECONDS = 300;

const toStatus = (task: SweepTask): ExportStatus => {
  const expired = !!task.expiresAt && task.expiresAt * 1000 <= Date.now();
  return {
    id: task.sweepId,
    state: expired ? 'expired' : task.state,
    requestedAt: task.requestedAt,
    scanned: task.scanned,
    found: task.matched,
    ...(task.finishedAt && { finishedAt: task.finishedAt }),
    ...(task.expiresAt && task.state === 'done' && { availableUntil: new Date(task.expiresAt * 1000).toISOString() }),
  };
};

/** The person's exports, each at its latest share (a handed-over sweep has several), newest first: one Query (PR2). */
async function exportsOf(userId: string): Promise<SweepTask[]> {
  const { data } = await SweepTaskEntity.query.byPerson({ userId }).begins({ kind: 'export' }).go({ pages: 'all', order: 'desc' });
  const latest = new Map<string, SweepTask>();
  for (const task of data) if ((latest.get(task.sweepId)?.seq ?? -1) < task.seq) latest.set(task.sweepId, task);
  return [...latest.values()].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
}

/**
 * « Télécharger mes données » (POST /api/me/exports): a sweep of the table for the caller, built into
 * an archive by the privacy-sweep job, then a mail. One at a time: a running export is answered again.
 */
export async function requestExport(caller: Caller): Promise<ExportStatus> {
  const { userId } = requirePerson(caller);
  const running = (await exportsOf(userId)).find((task) => task.state === 'running');
  if (running) return toStatus(running);
  const { data: person } = await PersonEntity.get({ userId }).go({ consistent: true });
  if (!person) throw new NotFoundError('account.not-found');
  return toStatus(await startExport(person, 'self'));
}

/** The sweep task of an export, whoever asked: the person (`self`) or the privacy officer on their behalf (their userId). */
export async function startExport(person: { userId: string; email: string; givenName: string; familyName: string }, requestedBy: string): Promise<SweepTask> {
  const task = {
    sweepId: randomBytes(12).toString('base64url'), seq: 0, kind: 'export' as const, userId: person.userId, email: person.email.toLowerCase(),
    givenName: person.givenName, familyName: person.familyName, pseudonym: '-', requestedBy, requestedAt: new Date().toISOString(),
    cursors: freshCursors(), state: 'running' as const, scanned: 0, matched: 0, expiresAt: expiryFrom('exportArchive'),
  };
  await SweepTaskEntity.create(task).go();
  return task;
}

/** One sweep at its latest share (PR3: its shares, one Query). */
export async function latestShareOf(sweepId: string): Promise<SweepTask | undefined> {
  const { data } = await SweepTaskEntity.query.byId({ sweepId }).go({ order: 'desc', limit: 1 });
  return data[0];
}

export async function listMyExports(caller: Caller): Promise<{ items: ExportStatus[] }> {
  const { userId } = requirePerson(caller);
  return { items: (await exportsOf(userId)).map(toStatus) };
}

/**
 * A fresh download of the caller's own archive, minutes long (presigned GET): the mailed Coopol link
 * leads to a page that asks for it, so the archive reaches its owner signed in, and nobody else. An
 * export of someone else is a 404, as one that does not exist.
 */
export async function downloadExport(caller: Caller, exportId: string): Promise<{ url: string; expiresInSeconds: number }> {
  const { userId } = requirePerson(caller);
  const task = (await exportsOf(userId)).find((t) => t.sweepId === exportId);
  if (!task) throw new NotFoundError('export.not-found', 'params.exportId');
  return archiveDownload(task, () => new NotFoundError('export.not-found', 'params.exportId'));
}

/** A presigned GET of a finished export's archive, minutes long; `gone`: the refusal when there is none. */
export async function archiveDownload(task: SweepTask, gone: () => Error): Promise<{ url: string; expiresInSeconds: number }> {
  const status = toStatus(task);
  if (status.state === 'running') throw new ConflictError('export.preparing');
  if (status.state === 'expired' || !task.archiveKey) throw gone();
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: filesBucket, Key: task.archiveKey, ResponseContentDisposition: 'attachment; filename="coopol-mes-donnees.zip"' }),
    { expiresIn: DOWNLOAD_LINK_SECONDS },
  );
  return { url, expiresInSeconds: DOWNLOAD_LINK_SECONDS };
}
