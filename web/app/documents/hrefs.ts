/** Where a space's documents live on the site. */
export const documentsHref = (spaceType: string, spaceId: string) => `/documents/${encodeURIComponent(spaceType)}/${encodeURIComponent(spaceId)}`;
/** A document's file: the site's route that asks the API for a short link (ADR 0014). */
export const fileHref = (attachmentId: string) => `/pieces-jointes/${encodeURIComponent(attachmentId)}`;
