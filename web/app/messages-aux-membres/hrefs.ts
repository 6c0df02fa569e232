/** Where a space's messages to its members live on the site. */
const base = (spaceType: string, spaceId: string) => `/messages-aux-membres/${encodeURIComponent(spaceType)}/${encodeURIComponent(spaceId)}`;
export const mailingsHref = base;
export const newMailingHref = (spaceType: string, spaceId: string, from?: string) => `${base(spaceType, spaceId)}/nouveau${from ? `?depuis=${encodeURIComponent(from)}` : ''}`;
/** The composer on one's own draft, to rewrite it. */
export const editMailingHref = (spaceType: string, spaceId: string, mailingId: string) => `${base(spaceType, spaceId)}/nouveau?modifier=${encodeURIComponent(mailingId)}`;
export const mailingHref = (spaceType: string, spaceId: string, mailingId: string) => `${base(spaceType, spaceId)}/${encodeURIComponent(mailingId)}`;
