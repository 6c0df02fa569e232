/** Where texts live on the site: a space's list, a text, its amendment form, its history. */
const spaceBase = (spaceType: string, spaceId: string) => `/textes/espace/${encodeURIComponent(spaceType)}/${encodeURIComponent(spaceId)}`;
export const spaceTextsHref = spaceBase;
export const newTextHref = (spaceType: string, spaceId: string) => `${spaceBase(spaceType, spaceId)}/nouveau`;
export const textHref = (textId: string) => `/textes/${encodeURIComponent(textId)}`;
export const editTextHref = (textId: string) => `${textHref(textId)}/modifier`;
export const amendHref = (textId: string, blockId: string) => `${textHref(textId)}/amender?bloc=${encodeURIComponent(blockId)}`;
export const versionsHref = (textId: string, from?: number, to?: number) => `${textHref(textId)}/versions${from && to ? `?de=${from}&a=${to}` : ''}`;
export const printHref = (textId: string) => `${textHref(textId)}/imprimer`;
