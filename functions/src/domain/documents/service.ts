import type { EntityItem } from 'electrodb';
import { Service } from 'electrodb';
import type { z } from 'zod';
import type { AddDocumentsInput, SpaceDocument } from '../../contracts/documents';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { canReadSpace, requirePerson, type PartySpace, type SpaceFacts } from '../access/policy';
import { mayRemoveDocument, mayRemoveDocumentIn, mayShareDocuments, mayShareDocumentsIn } from '../access/rules/documents';
import { ConflictError, NotFoundError } from '../errors';
import { badCursor } from '../paging';
import { kindOf } from '../social/attachment-view';
import { attachableFiles } from '../social/attachable';
import { AttachmentEntity, SpaceBlockEntity } from '../social/entities';
import { newId } from '../social/new-id';
import { displayName } from '../social/spaces';
import { resolveSpaceForRules, spaceKeyOf } from '../spaces/resolve';
import { SpaceDocumentEntity, SpaceStorageEntity } from './entities';
import { spaceDocumentQuotaBytes } from './quota';
import { usedBytes } from './storage';

/**
 * A space's shared documents (issue 17, ADR 0030): each one file uploaded and checked through the
 * attachments' flow (ADR 0014), claimed for the document in the transaction that writes it and
 * moves the space's storage up under the condition of its quota. Read as the space is read (a
 * secret group's documents are « not found » outside it); downloaded through the attachment's link.
 */

type DocumentItem = EntityItem<typeof SpaceDocumentEntity>;
type SpaceRef = { type: PartySpace['type']; id: string };

const documents = new Service({ document: SpaceDocumentEntity, storage: SpaceStorageEntity, attachment: AttachmentEntity });

const notFound = () => new NotFoundError('document.not-found', 'params.documentId');

/** The space as the rules take it, with whether the caller is blocked there — or « not found » for who may not read it. */
async function readableSpace(caller: Caller, ref: SpaceRef) {
  const person = requirePerson(caller);
  const { space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  if (!canReadSpace(caller, space, facts)) throw new NotFoundError('space.not-found', 'params.spaceId');
  return { person, space: space as PartySpace, facts };
}

function documentView(item: DocumentItem, caller: Caller, space: PartySpace, facts: SpaceFacts): z.input<typeof SpaceDocument> {
  return {
    id: item.documentId,
    space: { type: item.spaceType, id: item.spaceId },
    folder: item.folder,
    description: item.description,
    file: { id: item.attachmentId, name: item.name, contentType: item.contentType, size: item.size, kind: kindOf(item.contentType) },
    uploader: { userId: item.uploaderId, displayName: item.uploaderName },
    createdAt: item.createdAt,
    mayRemove: mayRemoveDocumentIn(caller, item, space, facts.group),
  };
}

/** A space's documents, newest first, and its storage (D2: the space + 1 Query page + 1 GetItem). */
export async function listSpaceDocuments(caller: Caller, ref: SpaceRef, page: { cursor?: string; limit: number }) {
  const { space, facts } = await readableSpace(caller, ref);
  const spaceKey = spaceKeyOf(ref);
  const [result, used] = await Promise.all([
    SpaceDocumentEntity.query.bySpace({ spaceKey }).go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor)),
    usedBytes(spaceKey),
  ]);
  return {
    items: result.data.map((item) => documentView(item, caller, space, facts)),
    nextCursor: result.cursor ?? null,
    storage: { usedBytes: used, quotaBytes: spaceDocumentQuotaBytes() },
    mayShare: mayShareDocumentsIn(caller, space, facts),
  };
}

/**
 * Files already uploaded and checked, shared in the space: one document each, written with the
 * files' claims and the storage moved up in one transaction conditioned on the quota (D3). Over the
 * quota: a 409 that says how much room is left; a file taken meanwhile: a 409 too; nothing written.
 */
export async function addSpaceDocuments(caller: Caller, ref: SpaceRef, input: z.output<typeof AddDocumentsInput>) {
  const { person: reader, space, facts } = await readableSpace(caller, ref);
  const spaceKey = spaceKeyOf(ref);
  const { data: block } = await SpaceBlockEntity.get({ spaceKey, userId: reader.userId }).go();
  const person = mayShareDocuments(caller, space, { ...facts, blocked: Boolean(block) });
  const [files, me, used] = await Promise.all([attachableFiles(person.userId, input.attachments), callerItem(person), usedBytes(spaceKey)]);
  const asked = files.reduce((sum, f) => sum + f.size, 0);
  const quota = spaceDocumentQuotaBytes();
  const overQuota = (now: number) => new ConflictError(['document.quota-exceeded', { free: megabytes(Math.max(0, quota - now)), asked: megabytes(asked) }], [{ field: 'body.attachments', message: 'quota de l’espace dépassé' }]);
  if (used + asked > quota) throw overQuota(used);
  const at = new Date().toISOString();
  const items = files.map((file) => ({
    documentId: newId(),
    spaceKey,
    spaceType: ref.type,
    spaceId: ref.id,
    folder: input.folder ?? '',
    description: input.description ?? '',
    attachmentId: file.attachmentId,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    uploaderId: person.userId,
    uploaderName: me ? displayName(me) : '',
    createdAt: at,
  }));
  const written = await documents.transaction
    .write(({ document, storage, attachment }) => [
      storage
        .update({ spaceKey })
        .add({ bytes: asked })
        .where((attr, op) => `${op.notExists(attr.bytes)} OR ${op.lte(attr.bytes, quota - asked)}`)
        .commit(),
      ...items.map((item) => document.create(item).commit()),
      ...items.map((item) =>
        attachment
          .patch({ attachmentId: item.attachmentId })
          .set({ state: 'attached', documentId: item.documentId })
          .remove(['expiresAt'])
          .where((attr, op) => `${op.eq(attr.state, 'ready')} AND ${op.eq(attr.ownerId, person.userId)}`)
          .commit(),
      ),
    ])
    .go();
  if (written.canceled) {
    const now = await usedBytes(spaceKey);
    if (now + asked > quota) throw overQuota(now);
    throw new ConflictError('document.attachment-taken', [{ field: 'body.attachments', message: 'fichier déjà utilisé' }]);
  }
  return { items: items.map((item) => documentView(item as DocumentItem, caller, space, facts)) };
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/** A document of the space, or « not found » (one of another space is not found here either). */
async function documentIn(spaceKey: string, documentId: string): Promise<DocumentItem> {
  const { data } = await SpaceDocumentEntity.get({ documentId }).go();
  if (!data || data.spaceKey !== spaceKey) throw notFound();
  return data;
}

/**
 * A document removed by whoever shared it or those who run the space: the document and its file's
 * record in one transaction (D4); the stream then takes the object out of the bucket and the
 * space's storage down (`releaseStorage`, storage.ts), as after an erasure.
 */
export async function deleteSpaceDocument(caller: Caller, ref: SpaceRef, documentId: string) {
  const { space, facts } = await readableSpace(caller, ref);
  const item = await documentIn(spaceKeyOf(ref), documentId);
  mayRemoveDocument(caller, item, space, policyOptions, facts.group);
  const removed = await documents.transaction
    .write(({ document, attachment }) => [
      document.delete({ documentId }).where((attr, op) => op.exists(attr.documentId)).commit(),
      attachment.delete({ attachmentId: item.attachmentId }).commit(),
    ])
    .go();
  if (removed.canceled) throw notFound();
  return { ok: true as const };
}

/** Whether the caller may download a document's file: reading its space (an attachment's link asks this). */
export async function readableDocument(caller: Caller, documentId: string): Promise<void> {
  const { data } = await SpaceDocumentEntity.get({ documentId }).go();
  if (!data) throw notFound();
  await readableSpace(caller, { type: data.spaceType, id: data.spaceId });
}
