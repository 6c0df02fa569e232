import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureAccess } from '../../infra/feature-access';
import { readOnlyFeatures } from '../../functions/src/http/kit/read-only-features';

test('the kit writes the day of activity only from features granted table writes', () => {
  const granted = Object.entries(featureAccess).filter(([, access]) => access.table === 'read' || access.table === 'probe').map(([feature]) => feature);
  const withCaller = granted.filter((feature) => feature !== 'platform'); // the health check has no caller
  assert.deepEqual([...readOnlyFeatures].sort(), withCaller.sort());
});
