import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shardPlan, shardWithRoom } from '../../functions/src/domain/events/capacity';
import { fromParis, parisDay, toParis } from '../../functions/src/domain/events/paris-time';

describe('Paris time', () => {
  test('wall-clock times become the right instants on both sides of each daylight-saving change', () => {
    assert.equal(fromParis('2031-03-29T09:00')!.toISOString(), '2031-03-29T08:00:00.000Z'); // winter time, UTC+1
    assert.equal(fromParis('2031-03-31T09:00')!.toISOString(), '2031-03-31T07:00:00.000Z'); // summer time, UTC+2
    assert.equal(fromParis('2031-10-25T09:00')!.toISOString(), '2031-10-25T07:00:00.000Z');
    assert.equal(fromParis('2031-10-27T09:00')!.toISOString(), '2031-10-27T08:00:00.000Z');
  });
  test('the hour skipped in spring and impossible dates do not exist', () => {
    assert.equal(fromParis('2031-03-30T02:30'), undefined);
    assert.equal(fromParis('2031-02-30T10:00'), undefined);
    assert.equal(fromParis('demain'), undefined);
  });
  test('instants read back as Paris wall-clock times and days', () => {
    assert.equal(toParis('2031-06-30T22:30:00Z'), '2031-07-01T00:30');
    assert.equal(parisDay('2031-12-31T23:30:00Z'), '2032-01-01');
  });
});

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
