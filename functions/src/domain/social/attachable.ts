import { AttachmentEntity } from './entities';
import { ValidationError } from '../errors';

/**
 * The files a new post or message names: each its author's own upload, checked by the server
 * (`ready`) and not yet in another post or message (S21: 1 BatchGet). Any other id is refused with
 * its place in the list. The caller then claims them in its own transaction, under the condition that each is still
 * `ready` and its uploader's.
 */
export async function attachableFiles(authorId: string, ids: string[]) {
  if (!ids.length) return [];
  const { data } = await AttachmentEntity.get(ids.map((attachmentId) => ({ attachmentId }))).go({ consistent: true });
  const byId = new Map(data.map((item) => [item.attachmentId, item]));
  const problems = ids.flatMap((id, index) => {
    const item = byId.get(id);
    const field = `body.attachments.${index}`;
    if (ids.indexOf(id) !== index) return [{ field, message: 'fichier déjà dans la liste' }];
    if (!item || item.ownerId !== authorId) return [{ field, message: 'pièce jointe introuvable' }];
    if (item.state === 'pending') return [{ field, message: 'fichier pas encore vérifié : confirmez son envoi d’abord' }];
    if (item.state === 'attached') return [{ field, message: 'fichier déjà joint ailleurs' }];
    return [];
  });
  if (problems.length) throw new ValidationError(problems);
  return ids.map((id) => {
    const { attachmentId, name, contentType, size, alt } = byId.get(id)!;
    return { attachmentId, name, contentType, size, ...(alt && { alt }) };
  });
}

