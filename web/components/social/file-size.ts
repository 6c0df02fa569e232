const units = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 12 octets », « 340 Ko », « 2,4 Mo »: a file's size as people read it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}\u00a0octets`;
  if (bytes < 1024 * 1024) return `${units.format(bytes / 1024)}\u00a0Ko`;
  return `${units.format(bytes / (1024 * 1024))}\u00a0Mo`;
}
