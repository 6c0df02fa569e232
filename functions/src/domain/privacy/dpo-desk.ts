import { randomBytes } from 'node:crypto';
import { Entity, type EntityItem } from 'electrodb';
import type { DpoRequest, NewDpoRequest } from '../../contracts/privacy';
import { entityConfig } from '../../shared/dynamodb';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import type { Person } from '../access/authority';
import { mayActAsPrivacyOfficer } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { PersonEmailEntity, PersonEntity } from '../people/entities';
import { startErasure } from './erasure';
import { archiveDownload, latestShareOf, startExport } from './export';

/**
 * The DPO's desk (issue 14 § 6): the requests of people who cannot use the site, taken down from a
 * letter, a call or a visit; their state and deadline (one month from receipt, art. 12.3); the export
 * or erasure run on the person's behalf — the sweep records who asked — and an audit entry for every
 * step, append-only. For the privacy officer alone (`mayActAsPrivacyOfficer`).
 */
export const DpoRequestEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'dpoRequest', version: '1' },
    attributes: {
      requestId: { type: 'string', required: true },
      kind: { type: ['export', 'erasure', 'access', 'rectification', 'objection', 'other'] as const, required: true },
      means: { type: ['courrier', 'telephone', 'courriel', 'sur-place'] as const, required: true },
      requesterName: { type: 'string', required: true },
      requesterEmail: { type: 'string', required: true },
      details: { type: 'string', required: true, default: '' },
      state: { type: ['received', 'in-progress', 'done', 'refused'] as const, required: true },
      receivedAt: { type: 'string', required: true },
      dueAt: { type: 'string', required: true },
      /** The export or erasure run for it (its sweep). */
      sweepId: { type: 'string' },
      closedAt: { type: 'string' },
    },
    indexes: {
      // DPO1: one request.
      byId: { pk: { field: 'pk', composite: ['requestId'] }, sk: { field: 'sk', composite: [] } },
      // DPO2: every request, the nearest deadline first (a desk's volume: one partition).
      byDeadline: { index: 'gsi1', pk: { field: 'gsi1pk', composite: [] }, sk: { field: 'gsi1sk', composite: ['dueAt', 'requestId'] } },
    },
  },
  entityConfig,
);

/** What was done on a request, by whom and when (DPO3); nothing updates or deletes an entry. */
export const DpoAuditEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'dpoAudit', version: '1' },
    attributes: {
      requestId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      byId: { type: 'string', required: true },
      byName: { type: 'string', required: true },
      action: { type: 'string', required: true },
      note: { type: 'string' },
    },
    indexes: { byRequest: { pk: { field: 'pk', composite: ['requestId'] }, sk: { field: 'sk', composite: ['at', 'byId'] } } },
  },
  entityConfig,
);

type RequestItem = EntityItem<typeof DpoRequestEntity>;

/** One month from receipt, as art. 12.3 counts it (the same day of the next month). */
export function deadlineOf(receivedAt: string): string {
  const due = new Date(receivedAt);
  due.setUTCMonth(due.getUTCMonth() + 1);
  return due.toISOString();
}

const open = (item: RequestItem) => item.state === 'received' || item.state === 'in-progress';

const toView = (item: RequestItem, audit: EntityItem<typeof DpoAuditEntity>[]): DpoRequest => ({
  id: item.requestId, kind: item.kind, means: item.means, requesterName: item.requesterName, requesterEmail: item.requesterEmail,
  details: item.details, state: item.state, receivedAt: item.receivedAt, dueAt: item.dueAt,
  overdue: open(item) && item.dueAt < new Date().toISOString(),
  audit: audit.map(({ at, byName, action, note }) => ({ at, byName, action, ...(note && { note }) })),
});

async function audited(officer: Person, requestId: string, action: string, note?: string): Promise<void> {
  const item = await callerItem(officer);
  await DpoAuditEntity.create({
    requestId, at: new Date().toISOString(), byId: officer.userId, byName: item ? `${item.givenName} ${item.familyName}` : officer.userId, action, note,
  }).go();
}

async function loadRequest(requestId: string): Promise<RequestItem> {
  const { data } = await DpoRequestEntity.get({ requestId }).go({ consistent: true });
  if (!data) throw new NotFoundError('dpo-request.not-found', 'params.requestId');
  return data;
}

async function view(requestId: string): Promise<DpoRequest> {
  const [item, audit] = await Promise.all([loadRequest(requestId), DpoAuditEntity.query.byRequest({ requestId }).go({ pages: 'all' })]);
  return toView(item, audit.data);
}

/** A request taken down by the DPO (a letter, a call, a visit): received, due in a month. */
export async function createDpoRequest(caller: Caller, request: NewDpoRequest): Promise<DpoRequest> {
  const officer = mayActAsPrivacyOfficer(caller, policyOptions);
  const receivedAt = new Date(request.receivedAt ?? Date.now()).toISOString();
  const requestId = randomBytes(12).toString('base64url');
  await DpoRequestEntity.create({ requestId, ...request, receivedAt, state: 'received', dueAt: deadlineOf(receivedAt) }).go();
  await audited(officer, requestId, 'Demande enregistrée');
  return view(requestId);
}

/** Every request, the nearest deadline first (DPO2), without their journals. */
export async function listDpoRequests(caller: Caller): Promise<{ items: Omit<DpoRequest, 'audit'>[] }> {
  mayActAsPrivacyOfficer(caller, policyOptions);
  const { data } = await DpoRequestEntity.query.byDeadline({}).go({ pages: 'all' });
  return { items: data.map((item) => { const { audit: _a, ...rest } = toView(item, []); return rest; }) };
}

export async function getDpoRequest(caller: Caller, requestId: string): Promise<DpoRequest> {
  mayActAsPrivacyOfficer(caller, policyOptions);
  return view(requestId);
}

/**
 * The export or the erasure of the account with the request's address, run on the person's behalf:
 * the sweep records the DPO as who asked, the request moves on, the journal says so. No account at
 * that address: a 409 saying there is nothing to run (the DPO answers the person so).
 */
export async function runDpoRequest(caller: Caller, requestId: string, run: { action: 'export' | 'erasure'; content: 'delete' | 'keep' }): Promise<DpoRequest> {
  const officer = mayActAsPrivacyOfficer(caller, policyOptions);
  const request = await loadRequest(requestId);
  if (!open(request)) throw new ConflictError('dpo-request.closed');
  const { data: address } = await PersonEmailEntity.get({ email: request.requesterEmail }).go();
  const { data: person } = address ? await PersonEntity.get({ userId: address.userId }).go({ consistent: true }) : { data: null };
  if (!person) throw new ConflictError('dpo-request.no-account');
  const sweepId = run.action === 'erasure' ? (await startErasure(person, run.content, officer.userId)).erasureId : (await startExport(person, officer.userId)).sweepId;
  await DpoRequestEntity.patch({ requestId }).set({ state: 'in-progress', sweepId }).go();
  await audited(
    officer,
    requestId,
    run.action === 'erasure' ? 'Effacement du compte lancé au nom de la personne' : 'Export des données lancé au nom de la personne',
    `Traitement n° ${sweepId}`,
  );
  return view(requestId);
}

/** The archive prepared for a request, for the DPO to hand over (a link of minutes; the download is journaled). */
export async function downloadDpoExport(caller: Caller, requestId: string) {
  const officer = mayActAsPrivacyOfficer(caller, policyOptions);
  const request = await loadRequest(requestId);
  const task = request.sweepId ? await latestShareOf(request.sweepId) : undefined;
  if (!task || task.kind !== 'export') throw new NotFoundError('dpo-request.not-found', 'params.requestId');
  const download = await archiveDownload(task, () => new ConflictError('dpo-request.no-archive'));
  await audited(officer, requestId, 'Archive téléchargée pour être remise à la personne');
  return download;
}

/** Closing a request: done or refused, with the answer given to the person (journaled). */
export async function closeDpoRequest(caller: Caller, requestId: string, close: { outcome: 'done' | 'refused'; note: string }): Promise<DpoRequest> {
  const officer = mayActAsPrivacyOfficer(caller, policyOptions);
  const request = await loadRequest(requestId);
  if (!open(request)) throw new ConflictError('dpo-request.closed');
  await DpoRequestEntity.patch({ requestId }).set({ state: close.outcome, closedAt: new Date().toISOString() }).go();
  await audited(officer, requestId, close.outcome === 'done' ? 'Demande traitée et close' : 'Demande refusée', close.note);
  return view(requestId);
}
