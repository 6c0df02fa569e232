import type { Feature } from '../../contracts/route';

/**
 * The features whose Lambda only reads the table (infra/feature-access.ts: `table: 'read'`): their
 * requests do not write the caller's day of activity — their role may not, and the person's other
 * requests record it. tests/unit/read-only-features.test.ts keeps this list equal to the grants.
 */
export const readOnlyFeatures: ReadonlySet<Feature> = new Set<Feature>(['territory', 'search']);
