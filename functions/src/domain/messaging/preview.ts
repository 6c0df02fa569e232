/**
 * The inbox's last-message preview (ADR 0029, M5/M10): made from the message as it is now, so an
 * edit or a deletion rewrites it the same way the first write did. Pure: the stream job calls it.
 */

export const previewLength = 140;
export const deletedPreview = 'Message supprimé';

export interface PreviewSource {
  text: string;
  attachments?: { name: string }[];
  editedAt?: string;
  deletedAt?: string;
}

export function previewOf(message: PreviewSource): { preview: string; edited: boolean; deleted: boolean } {
  if (message.deletedAt) return { preview: deletedPreview, edited: false, deleted: true };
  const files = message.attachments ?? [];
  // A file alone is shown by its name (« 📎 tract.pdf », « 📎 tract.pdf et 2 autres fichiers »).
  const more = files.length > 2 ? ` et ${files.length - 1} autres fichiers` : files.length === 2 ? ' et 1 autre fichier' : '';
  const words = message.text.trim() || (files.length ? `📎 ${files[0]!.name}${more}` : '');
  const oneLine = words.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  const preview = chars.length > previewLength ? `${chars.slice(0, previewLength - 1).join('').trimEnd()}…` : oneLine;
  return { preview, edited: Boolean(message.editedAt), deleted: false };
}
