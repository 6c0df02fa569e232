import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, type GetCommandInput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../infra/local/stack';
import { call, createTestPerson } from '../tests/support/people';
import { freePorts } from '../tests/support/stack';

/**
 * Issue 17: a congress-sized text — 300 paragraphs — with 20, then 200 amendments. Its three pages
 * through the local gateway and the real handlers: the text (current version, numbered lines), its
 * amendments (each with its diff, drawn from the amendment alone) and a diff between two versions.
 * Goal: each costs the same number of DynamoDB requests with 200 amendments as with 20, and its p50
 * stays within 3× the same items read raw by a bare client, no gateway (the list pages' budget, ADR
 * 0025, with each page's own data as the yardstick: a 300-paragraph version is 90 KB to read).
 */
const ROUNDS = Number(process.env.BENCH_TEXT_ROUNDS ?? 40);
const WARMUP = 5;
const PARAGRAPHS = 300;
const goal = { p50: 3 };

const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: ['feed-fanout', 'notifications', 'search-index'], logLevel: 'SILENT', officialMfaRequired: true });
let failed = false;
try {
  const { dynamodb } = await import('../functions/src/shared/dynamodb');
  const { AmendmentEntity, TextEntity, TextVersionEntity } = await import('../functions/src/domain/texts/entities');
  const count = { requests: 0 };
  dynamodb.middlewareStack.add(
    (next) => async (args) => {
      count.requests += 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCountRequests' },
  );

  const secretary = await createTestPerson(stack, {
    email: 'banc.textes.secretaire@coopol.example', givenName: 'Sonia', familyName: 'Banc', postalCode: '68100',
    member: { memberNumber: 'BENCHTX001', sectionId: 'mulhouse' }, grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  const member = await createTestPerson(stack, { email: 'banc.textes.membre@coopol.example', givenName: 'Marius', familyName: 'Banc', postalCode: '68100', member: { memberNumber: 'BENCHTX002', sectionId: 'mulhouse' } });

  const sentence = 'Nous voulons des transports publics accessibles à toutes et à tous, de jour comme de nuit, dans chaque quartier de l’agglomération et ses villages.';
  const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => (i % 25 === 0 ? { kind: 'heading', text: `Partie ${i / 25 + 1}` } : { kind: 'paragraph', text: `${i}. ${sentence} ${sentence}` }));
  const created = await call(stack, secretary, 'POST', '/api/texts', { space: { type: 'section', id: 'mulhouse' }, title: 'Motion de congrès (banc)', blocks });
  if (created.status !== 201) throw new Error(`text: ${created.status} ${JSON.stringify(created.body)}`);
  const textId = created.body.id as string;
  await call(stack, secretary, 'POST', `/api/texts/${textId}/open`, { deadline: '2031-01-01T00:00:00Z' });

  /** `n` more amendments on the current version, each rewriting one paragraph; then `accept` of them accepted and published. */
  let serial = 0;
  async function amend(n: number, accept: number): Promise<void> {
    const text = (await call(stack, member, 'GET', `/api/texts/${textId}`)).body as { version: number; blocks: { id: string; kind: string; text: string }[] };
    const paragraphs = text.blocks.filter((b) => b.kind === 'paragraph');
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      serial += 1;
      const block = paragraphs[serial % paragraphs.length]!;
      const filed = await call(stack, member, 'POST', `/api/texts/${textId}/amendments`, {
        version: text.version,
        changes: [{ op: 'replace', blockId: block.id, text: block.text.replace('accessibles', `accessibles (amendement ${serial})`) }],
        justification: `Amendement ${serial} du banc.`,
      });
      if (filed.status !== 201) throw new Error(`amendment: ${filed.status} ${JSON.stringify(filed.body)}`);
      ids.push(filed.body.id as string);
    }
    // Accepted ones touch different paragraphs (serials in a row): no conflict.
    for (const id of ids.slice(0, accept)) await call(stack, secretary, 'POST', `/api/texts/${textId}/amendments/${id}/accept`, {});
    const published = await call(stack, secretary, 'POST', `/api/texts/${textId}/versions`, { from: text.version });
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  }

  const headers = { authorization: `Bearer ${member.idToken}` };
  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.env.DYNAMODB_ENDPOINT }));
  const getRaw = (input: GetCommandInput) => raw.send(new GetCommand(input));
  /** All pages of a Query, as the handler reads the amendments. */
  async function queryRaw(input: QueryCommandInput): Promise<void> {
    let start: Record<string, unknown> | undefined;
    do start = (await raw.send(new QueryCommand({ ...input, ExclusiveStartKey: start }))).LastEvaluatedKey;
    while (start);
  }
  const timed = async (run: () => Promise<unknown>) => {
    const began = performance.now();
    await run();
    return performance.now() - began;
  };
  async function get(path: string): Promise<number> {
    count.requests = 0;
    const response = await fetch(`${stack.urls.site}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return count.requests;
  }

  async function measure(amendments: number) {
    const version = ((await call(stack, member, 'GET', `/api/texts/${textId}`)).body.version as number);
    const pages: Record<string, string> = {
      'le texte': `/api/texts/${textId}`,
      'ses amendements': `/api/texts/${textId}/amendments`,
      [`diff v${version - 1} → v${version}`]: `/api/texts/${textId}/diff?from=${version - 1}&to=${version}`,
    };
    // Each page's own data, read raw: the text and its version; the amendments' partition; the two versions.
    const version$ = (n: number) => getRaw(TextVersionEntity.get({ textId, number: n }).params<GetCommandInput>());
    const rawReads: Record<string, () => Promise<unknown>> = {
      'le texte': () => Promise.all([getRaw(TextEntity.get({ textId }).params<GetCommandInput>()), version$(version)]),
      'ses amendements': () => queryRaw(AmendmentEntity.query.byText({ textId }).params<QueryCommandInput>()),
      [`diff v${version - 1} → v${version}`]: () => Promise.all([version$(version - 1), version$(version)]),
    };
    const times = new Map<string, number[]>(Object.keys(pages).flatMap((p) => [[p, []], [`raw ${p}`, []]] as [string, number[]][]));
    const requests = new Map<string, Set<number>>();
    for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
      const keep = round >= WARMUP;
      for (const [name, path] of Object.entries(pages)) {
        const rawMs = await timed(rawReads[name]!);
        if (keep) times.get(`raw ${name}`)!.push(rawMs);
        let cost = 0;
        const ms = await timed(async () => (cost = await get(path)));
        if (!keep) continue;
        times.get(name)!.push(ms);
        requests.set(name, (requests.get(name) ?? new Set()).add(cost));
      }
    }
    const p50 = (name: string) => [...times.get(name)!].sort((a, b) => a - b)[Math.floor(times.get(name)!.length / 2)]!;
    console.log(`${PARAGRAPHS} paragraphs, ${amendments} amendments, version ${version}; ${ROUNDS} rounds`);
    console.log(`  ${'page'.padEnd(18)} ${'p50'.padStart(9)} ${'raw'.padStart(9)} ${'÷ raw'.padStart(7)} ${'goal'.padStart(6)}   requests`);
    const result = new Map<string, number>();
    for (const name of Object.keys(pages)) {
      const ratio = p50(name) / p50(`raw ${name}`);
      const ok = ratio <= goal.p50;
      failed ||= !ok;
      const cost = Math.max(...requests.get(name)!);
      result.set(name.startsWith('diff') ? 'diff' : name, cost);
      console.log(`  ${name.padEnd(18)} ${`${p50(name).toFixed(1)} ms`.padStart(9)} ${`${p50(`raw ${name}`).toFixed(1)} ms`.padStart(9)} ${`${ratio.toFixed(2)}×`.padStart(7)} ${`≤ ${goal.p50}×`.padStart(6)} ${ok ? '✓' : '✗'} ${[...requests.get(name)!].join('/').padStart(8)}`);
    }
    return result;
  }

  await amend(20, 5);
  const small = await measure(20);
  await amend(180, 5);
  const large = await measure(200);
  console.log('DynamoDB requests per page, 20 then 200 amendments: goal unchanged');
  for (const [name, before] of small) {
    const after = large.get(name)!;
    failed ||= after !== before;
    console.log(`  ${name.padEnd(18)} ${before} → ${after} ${after === before ? '✓' : '✗'}`);
  }
} finally {
  await stack.stop();
}
if (failed) {
  console.error('✗ a text page misses its goal');
  process.exitCode = 1;
}
