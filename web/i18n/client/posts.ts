import { createTranslator, type Dictionary } from '../translate';

/**
 * Posts: the feed’s « Voir plus » (the « … » menu of one’s own post or comment is drawn by the server).
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frPosts = {
  'feed.loadingMore': 'Chargement des publications suivantes…',
  'feed.loadMore': 'Voir plus de publications',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frPosts>(frPosts);
