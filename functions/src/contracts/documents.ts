import * as z from 'zod';
import { Cursor, lineText, proseText, UserId } from './common';
import { AttachmentId } from './social';
import { PartySpaceType, SpaceId } from './spaces';

// A space's shared documents (issue 17 § A space's documents, ADR 0030): files uploaded through the
// attachments' flow (ADR 0014), kept in a space, in folders, with a description, within its quota.

export const DocumentId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant de document');
export const SpaceDocumentsParams = z.object({ spaceType: PartySpaceType, spaceId: SpaceId });
export const SpaceDocumentParams = SpaceDocumentsParams.extend({ documentId: DocumentId });

export const AddDocumentsInput = z
  .object({
    /** Files already uploaded and checked (`POST /api/attachments`, then its confirmation): one document each. */
    attachments: z.array(AttachmentId).min(1, 'au moins un fichier').max(10, 'au plus 10 fichiers à la fois'),
    /** Its folder (« Tracts », « Comptes rendus »…); none: at the space's top. */
    folder: lineText({ max: 80 }).optional(),
    description: proseText({ max: 1000 }).optional(),
  })
  .meta({ id: 'AddDocumentsInput' });

export const SpaceDocument = z
  .object({
    id: DocumentId,
    space: z.object({ type: PartySpaceType, id: SpaceId }),
    folder: z.string(),
    description: z.string(),
    file: z.object({ id: AttachmentId, name: z.string(), contentType: z.string(), size: z.number().int(), kind: z.enum(['image', 'document']) }),
    uploader: z.object({ userId: UserId.nullable(), displayName: z.string() }),
    createdAt: z.string(),
    /** Whether the caller may remove it (its uploader, those who run the space; the API checks again). */
    mayRemove: z.boolean(),
  })
  .meta({ id: 'SpaceDocument' });

export const SpaceDocumentPage = z
  .object({
    items: z.array(SpaceDocument),
    nextCursor: Cursor.nullable(),
    /** The space's storage: bytes used and its quota (the stage's `spaceDocumentQuotaMb`). */
    storage: z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int() }),
    /** Whether the caller may share documents here (the form; the API checks again). */
    mayShare: z.boolean(),
  })
  .meta({ id: 'SpaceDocumentPage' });
export const SpaceDocumentList = z.object({ items: z.array(SpaceDocument) }).meta({ id: 'SpaceDocumentList' });
