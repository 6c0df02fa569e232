import { Entity } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';
import { groupAudiences, groupKinds } from './groups';

/**
 * The search index (S18), kept by the `search-index` stream job: for people and groups, one entry per
 * word of their name under its first three letters (`n:san` → `sante#group#…`); for posts, one entry
 * per distinct word under the word itself (`w:hopital` → newest first). Accent- and case-free words.
 */
export const SearchEntryEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'searchEntry', version: '1' },
    attributes: {
      token: { type: 'string', required: true },
      key: { type: 'string', required: true },
      kind: { type: ['person', 'group', 'post'] as const, required: true },
      refId: { type: 'string', required: true },
      /** Display name (people, groups) — its folded form is what all the query's words must be in. */
      label: { type: 'string', required: true },
      folded: { type: 'string', required: true },
      groupKind: { type: groupKinds },
      groupAudience: { type: groupAudiences },
      /** People only: « qui peut me trouver » and the facts it is decided with (policy `mayFind`), so a search reads nothing more. */
      findableBy: { type: ['connections', 'signed-in', 'nobody'] as const },
      federationCode: { type: 'string' },
      groupIds: { type: 'list', items: { type: 'string' } },
    },
    indexes: {
      byToken: { pk: { field: 'pk', composite: ['token'] }, sk: { field: 'sk', composite: ['key'] } },
    },
  },
  entityConfig,
);
