import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { filesBucket, s3 } from '../../shared/files';
import { AttachmentEntity } from './entities';

/**
 * Files nobody can reach any more leave the bucket (ADR 0014), from the table stream's removals: a
 * file lives as long as its record. A record goes by its TTL (an upload no post or message used), with
 * its deleted message, or with its deleted post (below). Each step is idempotent (deleting what is
 * already gone changes nothing), so a redelivery is harmless.
 */

/** An attachment record removed: its object goes too. */
export async function forgetFileOf(record: { key?: unknown }): Promise<void> {
  if (typeof record.key !== 'string') return;
  await s3.send(new DeleteObjectCommand({ Bucket: filesBucket, Key: record.key }));
}

/** A deleted post: each of its files' objects and records. */
export async function deleteFilesOfPost(post: { attachments?: { attachmentId: string }[] }): Promise<void> {
  for (const { attachmentId } of post.attachments ?? []) {
    const { data } = await AttachmentEntity.get({ attachmentId }).go();
    if (!data) continue;
    await s3.send(new DeleteObjectCommand({ Bucket: filesBucket, Key: data.key }));
    await AttachmentEntity.delete({ attachmentId }).go();
  }
}
