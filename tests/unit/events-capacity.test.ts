import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shardPlan, shardWithRoom } from '../../functions/src/domain/events/capacity';

describe('capacity shards', () => {
  test('the shards’ places add up to the capacity exactly, with at most 10 shards', () => {
    for (const capacity of [1, 3, 10, 99, 100, 101, 250, 999, 1000, 5000, 100_000]) {
      const plan = shardPlan(capacity);
      assert.equal(plan.reduce((sum, s) => sum + s.places!, 0), capacity, String(capacity));
      assert.ok(plan.length >= 1 && plan.length <= 10);
      assert.ok(plan.every((s) => s.places! >= 1));
    }
    assert.equal(shardPlan(3).length, 1);
    assert.equal(shardPlan(5000).length, 10);
  });
  test('without a limit the counter still spreads over several shards', () => {
    assert.ok(shardPlan(undefined).length > 1);
    assert.ok(shardPlan(undefined).every((s) => s.places === undefined));
  });
  test('a place is taken only in a shard with room; none when all are full', () => {
    assert.equal(shardWithRoom([{ shard: 0, taken: 5, places: 5 }, { shard: 1, taken: 4, places: 5 }]), 1);
    assert.equal(shardWithRoom([{ shard: 0, taken: 5, places: 5 }]), undefined);
    assert.equal(shardWithRoom([{ shard: 0, taken: 50 }]), 0);
  });
});
