/**
 * The inbox's last-message preview (ADR 0029, M5/M10): made from the message as it is now, so an
 * edit or a deletion rewrites it the same way the first write did. Pure: the stream job calls it.
 */

export const previewLength = 140;
export const deletedPreview = 'Message supprimé';

export interface PreviewSource {
  text: string;
  editedAt?: string;
  deletedAt?: string;
}

export function previewOf(message: PreviewSource): { preview: string; edited: boolean; deleted: boolean } {
  if (message.deletedAt) return { preview: deletedPreview, edited: false, deleted: true };
  const oneLine = message.text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  const preview = chars.length > previewLength ? `${chars.slice(0, previewLength - 1).join('').trimEnd()}…` : oneLine;
  return { preview, edited: Boolean(message.editedAt), deleted: false };
}
