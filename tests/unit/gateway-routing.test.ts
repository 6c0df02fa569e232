import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RouteContract } from '../../functions/src/contracts/route';
import { moreSpecificFirst } from '../../infra/local/gateway';

// The local gateway chooses among the routes as API Gateway does: the most specific path wins,
// whatever the order of the feature tables spread into routes.ts.
test('a literal segment wins over a parameter, at the first segment where two paths differ', () => {
  const route = (path: string) => ({ path }) as RouteContract;
  const sorted = [route('/api/groups/{groupId}'), route('/api/groups/{groupId}/members'), route('/api/groups/mine'), route('/api/{anything}/mine')].sort(moreSpecificFirst);
  assert.deepEqual(
    sorted.map((r) => r.path),
    ['/api/groups/mine', '/api/groups/{groupId}', '/api/groups/{groupId}/members', '/api/{anything}/mine'],
  );
});
