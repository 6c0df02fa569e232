import type * as z from 'zod';
import { attachmentTypes, type Attachment, type AttachmentType } from '../../contracts/social';

/** How a post's file is shown (images inline, anything else as a download): shared by posts and attachments. */
export type AttachmentDto = z.input<typeof Attachment>;

export const kindOf = (contentType: string) => attachmentTypes[contentType as AttachmentType] ?? 'document';

export const toAttachment = (item: { attachmentId: string; name: string; contentType: string; size: number; alt?: string }): AttachmentDto => ({
  id: item.attachmentId,
  name: item.name,
  contentType: item.contentType,
  size: item.size,
  kind: kindOf(item.contentType),
  ...(item.alt && { alt: item.alt }),
});
