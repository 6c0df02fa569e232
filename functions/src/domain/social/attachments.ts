import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EntityItem } from 'electrodb';
import type * as z from 'zod';
import { attachmentTypes, type AttachmentType, type AttachmentUploadRequest } from '../../contracts/social';
import { filesBucket, s3 } from '../../shared/files';
import type { Caller } from '../access/caller';
import { requirePerson } from '../access/policy';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { AttachmentEntity, ReportEntity } from './entities';
import { moderatesMessageReport } from './report-access';
import { kindOf, toAttachment, type AttachmentDto } from './attachment-view';
import { newId, readablePost } from './post-access';
import { retention } from '../privacy/retention';
import { participationOf } from '../messaging/service';
import { readableDocument } from '../documents/service';

type AttachmentItem = EntityItem<typeof AttachmentEntity>;

/**
 * Files of posts (ADR 0014). The browser sends the file straight to S3 with a presigned form bound
 * to one key under the uploader's name, one type and one exact size; the server then checks what
 * arrived before any post may use it, and hands out downloads only as links of a few minutes to
 * people who may read the post.
 */

/** Objects nobody confirmed stay here; the bucket's lifecycle rule deletes them after a day. */
export const PENDING_PREFIX = 'uploads/pending/';
/** Checked files wait this long for a post (the record's TTL), then are forgotten. */
const UNATTACHED_TTL_SECONDS = retention.unattachedUpload.seconds;
const UPLOAD_FORM_SECONDS = 600;
const DOWNLOAD_LINK_SECONDS = 300;

const epochSeconds = () => Math.floor(Date.now() / 1000);

/** A presigned POST for one file: S3 refuses another type, another size or another key (S21: 1 Put). */
export async function createAttachmentUpload(caller: Caller, request: z.output<typeof AttachmentUploadRequest>) {
  const person = requirePerson(caller);
  const attachmentId = newId();
  const item = {
    attachmentId,
    ownerId: person.userId,
    name: request.name,
    contentType: request.contentType,
    size: request.size,
    ...(request.alt && { alt: request.alt }),
    state: 'pending' as const,
    key: `${PENDING_PREFIX}${person.userId}/${attachmentId}`,
    createdAt: new Date().toISOString(),
    expiresAt: epochSeconds() + UNATTACHED_TTL_SECONDS,
  };
  await AttachmentEntity.create(item).go();
  const { url, fields } = await createPresignedPost(s3, {
    Bucket: filesBucket,
    Key: item.key,
    Conditions: [
      ['content-length-range', request.size, request.size],
      ['eq', '$Content-Type', request.contentType],
    ],
    Fields: { 'Content-Type': request.contentType },
    Expires: UPLOAD_FORM_SECONDS,
  });
  return { attachment: toAttachment(item), url, fields };
}

/** The first bytes each type must start with, where the type has a signature worth checking. */
const signatures: Partial<Record<AttachmentType, (head: Buffer) => boolean>> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};
// OpenDocument and Office Open XML files are zip archives.
const zip = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
for (const type of Object.keys(attachmentTypes) as AttachmentType[]) {
  if (/opendocument|openxmlformats/.test(type)) signatures[type] = zip;
}

async function firstBytes(key: string): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: filesBucket, Key: key, Range: 'bytes=0-15' }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

/** The uploader's own attachment, or a 404 (someone else's looks like no attachment at all). */
async function ownAttachment(caller: Caller, attachmentId: string): Promise<AttachmentItem> {
  const person = requirePerson(caller);
  const { data } = await AttachmentEntity.get({ attachmentId }).go({ consistent: true });
  if (!data || data.ownerId !== person.userId) throw new NotFoundError('attachment.not-found', 'params.attachmentId');
  return data;
}

/**
 * After the upload: the object must be there, of the declared type and size, and start like its
 * type (images, PDF, ODF/Office). Then it leaves `uploads/pending/` and may be attached (S21).
 * Anything else is refused and the object deleted.
 */
export async function confirmAttachment(caller: Caller, attachmentId: string): Promise<AttachmentDto> {
  const item = await ownAttachment(caller, attachmentId);
  if (item.state !== 'pending') return toAttachment(item);
  const head = await s3.send(new HeadObjectCommand({ Bucket: filesBucket, Key: item.key })).catch(() => {
    throw new ValidationError([{ field: 'params.attachmentId', message: 'fichier pas encore reçu : envoyez-le d’abord avec le formulaire' }]);
  });
  const refuse = async (message: string) => {
    await s3.send(new DeleteObjectCommand({ Bucket: filesBucket, Key: item.key }));
    throw new ValidationError([{ field: 'params.attachmentId', message }], 'attachment.mismatch');
  };
  if (head.ContentType !== item.contentType) await refuse(`type reçu ${head.ContentType ?? 'inconnu'}, annoncé ${item.contentType}`);
  if (head.ContentLength !== item.size) await refuse(`taille reçue ${head.ContentLength ?? 0} octets, annoncée ${item.size}`);
  const signature = signatures[item.contentType as AttachmentType];
  if (signature && !signature(await firstBytes(item.key))) await refuse(`le contenu n’est pas un fichier ${item.contentType}`);

  const key = `attachments/${item.ownerId}/${attachmentId}`;
  await s3.send(new CopyObjectCommand({ Bucket: filesBucket, Key: key, CopySource: `${filesBucket}/${item.key}`, ContentType: item.contentType, MetadataDirective: 'REPLACE' }));
  await s3.send(new DeleteObjectCommand({ Bucket: filesBucket, Key: item.key }));
  const { data } = await AttachmentEntity.patch({ attachmentId })
    .set({ state: 'ready', key })
    .where((attr, op) => op.eq(attr.state, 'pending'))
    .go({ response: 'all_new' })
    .catch(() => {
      throw new ConflictError('attachment.checked-meanwhile');
    });
  return toAttachment(data as AttachmentItem);
}

/** `attachment; filename*=…`: documents download under their name, never open in the site's origin. */
function disposition(item: AttachmentItem): string {
  if (kindOf(item.contentType) === 'image') return 'inline';
  const ascii = item.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(item.name)}`;
}

/** Any refusal about a file is « not found »: a 403 would say that it exists (art. 9). */
const asNotFound = (error: unknown): never => {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) throw new NotFoundError('attachment.not-found', 'params.attachmentId');
  throw error;
};

/** A message's file, for the moderators of a report of that very message (they never read the conversation). */
async function moderatesReportOf(caller: Caller, reportId: string, item: AttachmentItem): Promise<void> {
  const { data: report } = await ReportEntity.get({ reportId }).go();
  if (!report || report.messageId !== item.messageId || report.conversationId !== item.conversationId) throw new NotFoundError('attachment.not-found', 'params.attachmentId');
  await moderatesMessageReport(caller, report);
}

/**
 * A download link of a few minutes: for the uploader before the file is attached; once attached,
 * for whoever may read the post (the same question as reading it: a secret group's file is a 404) or
 * the space of its document, or for the participants of the conversation of its message (anyone else, one who left included: 404),
 * or, given the report of that message, for its moderators.
 */
export async function getAttachmentLink(caller: Caller, attachmentId: string, query: { report?: string } = {}) {
  const person = requirePerson(caller);
  const { data: item } = await AttachmentEntity.get({ attachmentId }).go();
  if (!item || item.state === 'pending') throw new NotFoundError('attachment.not-found', 'params.attachmentId');
  if (item.postId) {
    await readablePost(caller, item.postId).catch(asNotFound);
  } else if (item.documentId) {
    await readableDocument(caller, item.documentId).catch(asNotFound);
  } else if (item.conversationId && query.report) {
    await moderatesReportOf(caller, query.report, item).catch(asNotFound);
  } else if (item.conversationId) {
    await participationOf(person, item.conversationId).catch(asNotFound);
  } else if (item.ownerId !== person.userId) {
    throw new NotFoundError('attachment.not-found', 'params.attachmentId');
  }
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: filesBucket, Key: item.key, ResponseContentType: item.contentType, ResponseContentDisposition: disposition(item) }),
    { expiresIn: DOWNLOAD_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}
