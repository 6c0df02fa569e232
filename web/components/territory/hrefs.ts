/** Where each territory lives on the site. */
export const regionHref = (code: string) => `/territoires/regions/${encodeURIComponent(code)}`;
export const federationHref = (code: string) => `/federations/${encodeURIComponent(code)}`;
export const sectionHref = (id: string) => `/sections/${encodeURIComponent(id)}`;
