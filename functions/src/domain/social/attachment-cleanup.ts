import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { filesBucket, s3 } from '../../shared/files';
import { AttachmentEntity } from './entities';

/**
 * Files nobody can reach any more leave the bucket (ADR 0014), from the table stream's removals:
 * an attachment record gone by TTL before any post used it, and the files of a deleted post. Both
 * steps are idempotent (deleting what is already gone changes nothing), so a redelivery is harmless.
 */

/** An attachment record removed (its TTL) while still unattached: its object goes too. */
export async function forgetUnattachedFile(record: { key?: unknown; state?: unknown }): Promise<void> {
  if (record.state === 'attached' || typeof record.key !== 'string') return;
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
