import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../infra/local/stack';
import { call, createTestPerson } from '../tests/support/people';
import { freePorts } from '../tests/support/stack';

/**
 * Issue 22, goal 2 (ADR 0025): the list pages through the local gateway — token check, the real
 * handlers, DynamoDB Local — one request after another, against two yardsticks measured in the same
 * loop, round by round: one raw DynamoDB Query of a page (a bare client, no gateway) and the
 * gateway's own floor (a signed-in route whose handler does one GetItem after the caller). Goal:
 * each page's p50 ≤ 3× and p99 ≤ 5× the raw Query. With every DynamoDB request the handlers make
 * counted (requests and levels: sequential waves), before and after the pages' own partitions grow
 * tenfold and BENCH_LIST_OTHER_ITEMS items fill partitions no page of the reader reads (as a big
 * deployment's other sections would): the requests per page stay the same.
 */
const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 150);
const WARMUP = 20;
const OTHER_ITEMS = Number(process.env.BENCH_LIST_OTHER_ITEMS ?? 50_000);
const goal = { p50: 3, p99: 5 };

const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: ['feed-fanout', 'notifications', 'search-index'], logLevel: 'SILENT' });
let failed = false;
try {
  const { dynamodb } = await import('../functions/src/shared/dynamodb');
  const { PostEntity, FeedItemEntity, NotificationEntity } = await import('../functions/src/domain/social/entities');
  const { notificationIdOf } = await import('../functions/src/domain/social/notification-reads');

  // Every request the handlers send (they run in this process, behind the gateway), and its level.
  const count = { requests: 0, levels: 0, answered: 0 };
  dynamodb.middlewareStack.add(
    (next) => async (args) => {
      count.requests += 1;
      const level = count.answered + 1;
      count.levels = Math.max(count.levels, level);
      try {
        return await next(args);
      } finally {
        count.answered = Math.max(count.answered, level);
      }
    },
    { step: 'initialize', name: 'benchCountRequests' },
  );

  const reader = await createTestPerson(stack, {
    email: 'banc.pages@coopol.example', givenName: 'Lise', familyName: 'Banc', postalCode: '68100',
    member: { memberNumber: 'BENCH000001', sectionId: 'mulhouse' },
  });
  const friend = await createTestPerson(stack, {
    email: 'banc.ami@coopol.example', givenName: 'Ami', familyName: 'Banc', postalCode: '68100',
    member: { memberNumber: 'BENCH000002', sectionId: 'mulhouse' },
  });
  await call(stack, friend, 'POST', `/api/friends/${reader.userId}`);
  await call(stack, reader, 'POST', `/api/friends/${friend.userId}/accept`);
  const groupId = (await call(stack, reader, 'POST', '/api/groups', { name: 'Banc de lecture', kind: 'closed', audience: 'all', description: 'Pages à mesurer' })).body.id as string;
  for (const [space, day] of [[{ type: 'section', id: 'mulhouse' }, 10], [{ type: 'group', id: groupId }, 11], [{ type: 'section', id: 'mulhouse' }, 12]] as const) {
    const created = await call(stack, reader, 'POST', '/api/events', {
      space, kind: 'reunion', title: `Réunion du ${day}`, start: `2031-10-${day}T18:00:00+02:00`, end: `2031-10-${day}T20:00:00+02:00`,
      place: { address: 'Mulhouse' }, visibility: space.type === 'section' ? 'supporters' : 'members',
      slots: [{ start: `2031-10-${day}T17:30:00+02:00`, end: `2031-10-${day}T18:00:00+02:00`, needed: 2 }],
    });
    if (created.status !== 201 && created.status !== 403) throw new Error(`event: ${created.status} ${JSON.stringify(created.body)}`);
    if (created.status === 201) await call(stack, reader, 'PUT', `/api/events/${created.body.id as string}/rsvp`, { answer: 'going' });
  }

  /** `n` posts and feed items of the reader's spaces, and `n` notifications, from `from` on. */
  let serial = 0;
  async function grow(n: number): Promise<void> {
    const spaces = [
      { spaceType: 'section', spaceId: 'mulhouse', spaceFederation: '68' },
      { spaceType: 'group', spaceId: groupId },
      { spaceType: 'profile', spaceId: friend.userId },
      { spaceType: 'federation', spaceId: '68' },
      { spaceType: 'national', spaceId: 'national' },
    ] as const;
    const expiresAt = Math.floor(Date.now() / 1000) + 86_400 * 30;
    for (let chunk = 0; chunk < n; chunk += 500) {
      const posts = [];
      const feed = [];
      const notifications = [];
      for (let i = chunk; i < Math.min(n, chunk + 500); i += 1) {
        serial += 1;
        const space = spaces[serial % spaces.length]!;
        const createdAt = new Date(Date.parse('2026-06-01T00:00:00Z') + serial * 1000).toISOString();
        const postId = `benchpage${String(serial).padStart(11, '0')}`;
        posts.push({ postId, spaceKey: `${space.spaceType}:${space.spaceId}`, ...space, authorId: friend.userId, authorName: 'Ami Banc', text: `Publication ${serial}`, html: `<p>Publication ${serial}</p>`, searchText: `publication ${serial}`, createdAt, hidden: false, commentCount: 0 });
        if (space.spaceType !== 'federation' && space.spaceType !== 'national') feed.push({ userId: reader.userId, createdAt, postId, spaceType: space.spaceType, spaceId: space.spaceId, expiresAt });
        notifications.push({ userId: reader.userId, at: createdAt, notificationId: notificationIdOf(`bench:${serial}`, reader.userId), kind: 'comment' as const, text: `Ami Banc a commenté : « Publication ${serial} »`, path: `/publications/${postId}`, postId, expiresAt });
      }
      const written = await Promise.all([PostEntity.put(posts).go({ concurrency: 4 }), FeedItemEntity.put(feed).go({ concurrency: 2 }), NotificationEntity.put(notifications).go({ concurrency: 2 })]);
      if (written.some((w) => w.unprocessed.length)) throw new Error('unprocessed items');
    }
  }

  /** Items in partitions none of the reader's pages reads (other people's feeds and notifications). */
  async function fillOthers(n: number): Promise<void> {
    const started = performance.now();
    const expiresAt = Math.floor(Date.now() / 1000) + 86_400 * 30;
    for (let chunk = 0; chunk < n; chunk += 2_500) {
      const feed = [];
      for (let i = chunk; i < Math.min(n, chunk + 2_500); i += 1) {
        feed.push({ userId: `bench-other-${i % 997}`, createdAt: new Date(Date.parse('2026-06-01T00:00:00Z') + i * 1000).toISOString(), postId: `other${i}`, spaceType: 'section' as const, spaceId: 'ailleurs', expiresAt });
      }
      if ((await FeedItemEntity.put(feed).go({ concurrency: 6 })).unprocessed.length) throw new Error('unprocessed items');
    }
    console.log(`  ${n.toLocaleString('fr-FR')} items written in other partitions in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }

  const pages: Record<string, string> = {
    'fil d’actu': '/api/feed?limit=20',
    'mon agenda': '/api/me/agenda',
    'section : publications': '/api/spaces/section/mulhouse/posts?limit=20',
    'section : agenda': '/api/spaces/section/mulhouse/events?limit=20',
    'groupe': `/api/groups/${groupId}`,
    'groupe : publications': `/api/spaces/group/${groupId}/posts?limit=20`,
    'groupes': '/api/groups?limit=20',
    'notifications': '/api/me/notifications?limit=20',
  };
  const floorPath = '/api/me/notifications/unread';
  const headers = { authorization: `Bearer ${reader.idToken}` };
  // The raw Query: the first page of the reader's feed items, as ElectroDB builds it, sent by a bare client.
  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.env.DYNAMODB_ENDPOINT }));
  const rawInput = FeedItemEntity.query.byPerson({ userId: reader.userId }).params<QueryCommandInput>({ order: 'desc', limit: 20 });
  const rawQuery = () => raw.send(new QueryCommand(rawInput));

  async function timed(run: () => Promise<unknown>): Promise<number> {
    const began = performance.now();
    await run();
    return performance.now() - began;
  }
  async function get(path: string): Promise<{ requests: number; levels: number }> {
    count.requests = 0;
    count.levels = 0;
    count.answered = 0;
    const response = await fetch(`${stack.urls.site}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return { requests: count.requests, levels: count.levels };
  }

  /** ROUNDS rounds, each the raw Query, the floor and every page once, in turn: the same conditions for all. */
  async function measure(rounds: number) {
    const times = new Map<string, number[]>([['raw', []], ['floor', []], ...Object.keys(pages).map((p) => [p, []] as [string, number[]])]);
    const costs = new Map<string, { requests: Set<number>; levels: Set<number> }>();
    for (let round = 0; round < WARMUP + rounds; round += 1) {
      const keep = round >= WARMUP;
      const rawMs = await timed(rawQuery);
      const floorMs = await timed(() => get(floorPath));
      if (keep) {
        times.get('raw')!.push(rawMs);
        times.get('floor')!.push(floorMs);
      }
      for (const [name, path] of Object.entries(pages)) {
        let cost = { requests: 0, levels: 0 };
        const ms = await timed(async () => (cost = await get(path)));
        if (!keep) continue;
        times.get(name)!.push(ms);
        const seen = costs.get(name) ?? { requests: new Set(), levels: new Set() };
        seen.requests.add(cost.requests);
        seen.levels.add(cost.levels);
        costs.set(name, seen);
      }
    }
    const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
    return { times, costs, p50: (name: string) => quantile(times.get(name)!, 0.5), p99: (name: string) => quantile(times.get(name)!, 0.99) };
  }

  await grow(200);
  console.log(`List pages through the gateway, ${ROUNDS} rounds (after ${WARMUP} to warm up), one request at a time`);
  const small = await measure(ROUNDS);
  const rawP50 = small.p50('raw');
  const rawP99 = small.p99('raw');
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const ratio = (v: number, base: number) => `${(v / base).toFixed(2)}×`;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  console.log(`${'page'.padEnd(24)} ${'p50'.padStart(9)} ${'÷ raw'.padStart(7)} ${'goal'.padStart(6)}   ${'p99'.padStart(9)} ${'÷ raw'.padStart(7)} ${'goal'.padStart(6)}   requests levels`);
  console.log(`${'raw Query (no gateway)'.padEnd(24)} ${ms(rawP50).padStart(9)} ${''.padStart(7)} ${''.padStart(6)}   ${ms(rawP99).padStart(9)}`);
  console.log(`${'floor (1 GetItem)'.padEnd(24)} ${ms(small.p50('floor')).padStart(9)} ${ratio(small.p50('floor'), rawP50).padStart(7)} ${''.padStart(6)}   ${ms(small.p99('floor')).padStart(9)} ${ratio(small.p99('floor'), rawP99).padStart(7)}`);
  for (const name of Object.keys(pages)) {
    const [p50, p99] = [small.p50(name), small.p99(name)];
    const ok50 = p50 <= goal.p50 * rawP50;
    const ok99 = p99 <= goal.p99 * rawP99;
    failed ||= !ok50 || !ok99;
    const cost = small.costs.get(name)!;
    console.log(
      `${name.padEnd(24)} ${ms(p50).padStart(9)} ${ratio(p50, rawP50).padStart(7)} ${`≤ ${goal.p50}×`.padStart(6)} ${mark(ok50)} ${ms(p99).padStart(9)} ${ratio(p99, rawP99).padStart(7)} ${`≤ ${goal.p99}×`.padStart(6)} ${mark(ok99)} ${[...cost.requests].join('/').padStart(8)} ${[...cost.levels].join('/').padStart(6)}`,
    );
  }

  // The pages' own partitions grow tenfold (more than a page each), and other partitions fill up.
  await grow(2_000);
  await fillOthers(OTHER_ITEMS);
  const large = await measure(10);
  console.log('DynamoDB requests per page (levels), small then grown: goal unchanged');
  for (const name of Object.keys(pages)) {
    const before = small.costs.get(name)!;
    const after = large.costs.get(name)!;
    const same = Math.max(...after.requests) === Math.max(...before.requests) && Math.max(...after.levels) === Math.max(...before.levels);
    failed ||= !same;
    console.log(`  ${name.padEnd(24)} ${Math.max(...before.requests)} (${Math.max(...before.levels)}) → ${Math.max(...after.requests)} (${Math.max(...after.levels)}) ${mark(same)}`);
  }
} finally {
  await stack.stop();
}
if (failed) {
  console.error('✗ a list page misses its goal');
  process.exitCode = 1;
}
