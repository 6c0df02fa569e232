import { createTranslator, type Dictionary } from '../translate';

/**
 * Posts and comments: the feed’s « Voir plus », the « … » menu of one’s own post or comment.
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frPosts = {
  'feed.loadingMore': 'Chargement des publications suivantes…',
  'feed.loadMore': 'Voir plus de publications',
  'menu.edit': 'Modifier',
  'menu.delete': 'Supprimer',
  'menu.cancel': 'Annuler',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frPosts>(frPosts);
