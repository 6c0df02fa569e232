import { startLocalStack } from '../infra/local/stack';
import { freePorts } from '../tests/support/stack';

/**
 * A feed page with 1,000 posts in the table, then with 1,000,000 (BENCH_FEED_POSTS): the same
 * DynamoDB requests per page and about the same time. Posts are spread as a big deployment would
 * spread them: 10 % in the reader's federation (merged at read), 1 % national announcements, 20 %
 * fanned out to the reader's own feed (their section, groups, friends), the rest in other spaces.
 * The reader's feed is read in this process through the service the API calls (readFeed), with
 * every DynamoDB request counted, the caller's GetItem included.
 */
const LARGE = Number(process.env.BENCH_FEED_POSTS ?? 1_000_000);
const SMALL = 1_000;
const PAGE = 20;
const READS = 30;

// The posts are written straight into feeds and spaces: the stream consumers would only redo that work.
const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: ['feed-fanout', 'notifications', 'search-index'], logLevel: 'SILENT' });
try {
  const { PersonEntity } = await import('../functions/src/domain/people/entities');
  const { defaultVisibility } = await import('../functions/src/domain/people/visibility');
  const { PostEntity, FeedItemEntity, GroupMemberEntity } = await import('../functions/src/domain/social/entities');
  const { readFeed } = await import('../functions/src/domain/social/feed');
  const { loadCaller } = await import('../functions/src/domain/access/load-caller');
  const { runWithRequestStats } = await import('../functions/src/shared/request-context');

  const reader = 'bench-feed-reader-0001';
  await PersonEntity.put({
    userId: reader, email: 'lecteur@coopol.example', givenName: 'Lecteur', familyName: 'Banc', sortName: 'banc lecteur',
    status: 'adherent', sectionId: 'mulhouse', sectionName: 'Mulhouse', federationCode: '68', federationName: 'Haut-Rhin',
    visibility: defaultVisibility, consentAt: new Date().toISOString(),
  }).go();
  const groups = Array.from({ length: 5 }, (_, g) => `benchgroup${String(g).padStart(6, '0')}`);
  await GroupMemberEntity.put(groups.map((groupId) => ({ groupId, userId: reader, state: 'member' as const, role: 'member' as const, displayName: 'Lecteur Banc', groupName: groupId, at: new Date().toISOString() }))).go();

  const start = Date.parse('2026-01-01T00:00:00Z');
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400 * 30;
  let loaded = 0;

  /** Posts number `from`…`to - 1`, in the spread described above (post i is i seconds after `start`: newer with i). */
  async function load(from: number, to: number): Promise<void> {
    const started = performance.now();
    for (let chunk = from; chunk < to; chunk += 5_000) {
      const posts = [];
      const feed = [];
      for (let i = chunk; i < Math.min(to, chunk + 5_000); i += 1) {
        const bucket = i % 100;
        const createdAt = new Date(start + i * 1000).toISOString();
        const postId = i.toString(36).padStart(20, '0');
        let space: { type: 'federation' | 'national' | 'section' | 'group'; id: string };
        if (bucket < 10) space = { type: 'federation', id: '68' };
        else if (bucket < 11) space = { type: 'national', id: 'national' };
        else if (bucket < 31) space = bucket % 2 ? { type: 'section', id: 'mulhouse' } : { type: 'group', id: groups[i % groups.length]! };
        else space = bucket % 2 ? { type: 'federation', id: String(10 + (i % 80)) } : { type: 'section', id: `ailleurs-${i % 5000}` };
        posts.push({
          postId, spaceKey: `${space.type}:${space.id}`, spaceType: space.type, spaceId: space.id,
          ...(space.type === 'section' && { spaceFederation: space.id === 'mulhouse' ? '68' : '75' }),
          authorId: 'bench-author', authorName: 'Autrice Banc', text: `Publication ${i}`, html: `<p>Publication ${i}</p>`, searchText: `publication ${i}`,
          createdAt, hidden: false, commentCount: 0,
        });
        if (bucket >= 11 && bucket < 31) feed.push({ userId: reader, createdAt, postId, spaceType: space.type, spaceId: space.id, expiresAt });
      }
      const [p, f] = await Promise.all([PostEntity.put(posts).go({ concurrency: 6 }), FeedItemEntity.put(feed).go({ concurrency: 2 })]);
      if (p.unprocessed.length || f.unprocessed.length) throw new Error('unprocessed items');
      const before = loaded;
      loaded = Math.min(to, chunk + 5_000);
      if (Math.floor(loaded / 100_000) > Math.floor(before / 100_000)) console.log(`  ${loaded.toLocaleString('fr-FR')} posts loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }

  /** READS times: the first page and the next two (following cursors); requests and time per page. */
  async function measure(): Promise<{ requests: number[]; ms: number[]; shown: number; levels: number }> {
    const actor = { kind: 'user' as const, sub: reader, email: null };
    const requests: number[] = [];
    const ms: number[] = [];
    let shown = 0;
    let levels = 0;
    for (let r = 0; r < READS; r += 1) {
      let cursor: string | undefined;
      for (let depth = 0; depth < 3; depth += 1) {
        const began = performance.now();
        const { stats, result } = runWithRequestStats(async () => readFeed(await loadCaller(actor), { cursor, limit: PAGE }));
        const page = await result;
        ms.push(performance.now() - began);
        requests.push(stats.dynamodbCalls);
        levels = Math.max(levels, stats.levels);
        shown += page.items.length;
        cursor = page.nextCursor ?? undefined;
      }
    }
    return { requests, ms, shown: shown / (READS * 3), levels };
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const report = (label: string, m: Awaited<ReturnType<typeof measure>>) =>
    console.log(`${label.padEnd(12)} requests per page: ${Math.min(...m.requests)}–${Math.max(...m.requests)} in ${m.levels} levels (the caller's included) · median ${median(m.ms).toFixed(1)} ms · p90 ${[...m.ms].sort((a, b) => a - b)[Math.floor(m.ms.length * 0.9)]!.toFixed(1)} ms · ${m.shown.toFixed(0)} posts shown`);

  console.log(`Feed page (${PAGE} posts) with ${SMALL.toLocaleString('fr-FR')} then ${LARGE.toLocaleString('fr-FR')} posts in DynamoDB Local`);
  await load(0, SMALL);
  const small = await measure();
  report(`${SMALL.toLocaleString('fr-FR')} posts`, small);
  const loadStarted = performance.now();
  await load(SMALL, LARGE);
  console.log(`  loaded ${(LARGE - SMALL).toLocaleString('fr-FR')} more in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);
  const large = await measure();
  report(`${LARGE.toLocaleString('fr-FR')} posts`, large);
  if (Math.max(...large.requests) !== Math.max(...small.requests)) {
    console.error('✗ a feed page costs more requests with more posts');
    process.exitCode = 1;
  }
} finally {
  await stack.stop();
}
