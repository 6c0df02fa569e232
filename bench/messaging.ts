import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startLocalStack } from '../infra/local/stack';
import { call, createTestPerson } from '../tests/support/people';
import { freePorts } from '../tests/support/stack';

/**
 * Issue 15 (ADR 0029), on the whole local stack — gateway, real handlers, DynamoDB Local, its stream,
 * the worker's `messaging-fanout` job, the gateway's WebSocket and management API:
 * 1. one message to a 50-person conversation and to a group's salon of 500 (its author a member of
 *    the group, so the salon's own checks are paid: its space, a block in it): pushes per second and the delivery latency, from the POST's start to each other
 *    participant's open tab receiving the frame. Goal: p95 < 1 s for 50 people;
 * 2. the inbox and a history page cost the same DynamoDB requests with 10 and with 10,000
 *    conversations / messages (one Query each, whatever the size).
 */
const MESSAGES = Number(process.env.BENCH_MESSAGING_MESSAGES ?? 20);
const goalP95Ms = 1000;

const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: ['feed-fanout', 'notifications', 'search-index'], logLevel: 'SILENT' });
let failed = false;
const sockets: WebSocket[] = [];
try {
  const { dynamodb } = await import('../functions/src/shared/dynamodb');
  const { ConversationEntity, InboxEntryEntity, MessageEntity, ParticipantEntity, RealtimeTicketEntity } = await import('../functions/src/domain/messaging/entities');
  const { newMessageId, newTicket, ticketKey } = await import('../functions/src/domain/messaging/ids');
  const { PersonEntity } = await import('../functions/src/domain/people/entities');

  let requests = 0;
  dynamodb.middlewareStack.add(
    (next) => async (args) => {
      requests += 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCountRequests' },
  );

  const author = await createTestPerson(stack, { email: 'banc.messages@coopol.example', givenName: 'Inès', familyName: 'Banc', postalCode: '68100' });
  const headers = { authorization: `Bearer ${author.idToken}` };
  async function costOf(path: string): Promise<number> {
    requests = 0;
    const response = await fetch(`${stack.urls.site}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return requests;
  }

  // ——— 1. Fan-out to 50 and 500 (first: the 10,000 messages written below would queue before them in the stream) ———
  /** A tab of a made-up participant: a ticket written as the route would (by its hash), then the socket. */
  async function tabOf(userId: string, onFrame: (data: string) => void): Promise<void> {
    const ticket = newTicket();
    await RealtimeTicketEntity.create({ ticketHash: ticketKey(ticket), userId, expiresAt: Math.floor(Date.now() / 1000) + 60 }).go();
    const socket = new WebSocket(`${stack.env.REALTIME_URL}?ticket=${ticket}`);
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.on('message', (data) => onFrame(data.toString()));
  }

  const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  for (const size of [50, 500]) {
    // An author per round: the 30 messages a minute each person may send (ADR 0029) are not the bench's.
    const author = await createTestPerson(stack, { email: `banc.auteur.${size}@coopol.example`, givenName: 'Auteur', familyName: `Banc ${size}`, postalCode: '68100' });
    const salon = size === 500;
    const groupId = `banc${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const conversationId = salon ? `s.group:${groupId}` : `d.${randomUUID().replaceAll('-', '').slice(0, 22)}`;
    const others = Array.from({ length: size - 1 }, (_, i) => `banc-${size}-${String(i).padStart(4, '0')}-${randomUUID()}`);
    const joinedAt = new Date().toISOString();
    await ConversationEntity.create({
      conversationId, kind: salon ? 'salon' : 'direct', createdBy: author.userId, createdAt: joinedAt, participantCount: size,
      ...(salon && { spaceType: 'group', spaceId: groupId, title: 'Groupe Banc' }),
    }).go();
    if (salon) await PersonEntity.patch({ userId: author.userId }).add({ groupIds: [groupId] }).go();
    await ParticipantEntity.put([author.userId, ...others].map((userId) => ({ conversationId, userId, displayName: userId === author.userId ? 'Inès Banc' : 'Participant', joinedAt }))).go({ concurrency: 4 });
    await InboxEntryEntity.put([author.userId, ...others].map((userId) => ({ userId, conversationId, kind: salon ? ('salon' as const) : ('direct' as const), title: 'Banc', lastMessageAt: joinedAt }))).go({ concurrency: 4 });

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let firstSend = 0;
    let lastFrame = 0;
    for (const userId of others) {
      await tabOf(userId, (data) => {
        const frame = JSON.parse(data) as { type: string; message?: { clientMessageId: string | null; text: string } };
        if (frame.type !== 'message') return;
        const began = sentAt.get(frame.message!.text);
        if (began === undefined) return;
        lastFrame = performance.now();
        latencies.push(lastFrame - began);
      });
    }
    const expected = MESSAGES * others.length;
    firstSend = performance.now();
    for (let i = 0; i < MESSAGES; i += 1) {
      const text = `Message ${size}/${i}`;
      sentAt.set(text, performance.now());
      const sent = await call(stack, author, 'POST', `/api/conversations/${conversationId}/messages`, { text, clientMessageId: `banc-${size}-${i}-${randomUUID().slice(0, 8)}` });
      if (sent.status !== 201) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
      // One message after another has arrived everywhere: the latency of each, not of a queue.
      const deadline = Date.now() + 30_000;
      while (latencies.length < (i + 1) * others.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    }
    const delivered = latencies.length;
    const sorted = [...latencies].sort((a, b) => a - b);
    const seconds = (lastFrame - firstSend) / 1000;
    const p95 = quantile(sorted, 0.95);
    const meets = size !== 50 || (delivered === expected && p95 < goalP95Ms);
    failed ||= !meets || delivered !== expected;
    console.log(
      `${meets ? '✓' : '✗'} ${salon ? 'a salon of ' : ''}${size} people, ${MESSAGES} messages: ${delivered}/${expected} frames delivered, ${(delivered / seconds).toFixed(0)} pushes/s; ` +
        `latency p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${quantile(sorted, 0.99).toFixed(0)} ms${size === 50 ? ` (goal p95 < ${goalP95Ms} ms)` : ''}`,
    );
    for (const socket of sockets.splice(0)) socket.terminate();
    await new Promise((r) => setTimeout(r, 1000));
  }

  // ——— 2. Request counts at 10 and 10,000 ———
  const history = `d.${randomUUID().replaceAll('-', '').slice(0, 22)}`;
  await ParticipantEntity.put({ conversationId: history, userId: author.userId, displayName: 'Inès Banc', joinedAt: new Date().toISOString() }).go();
  let grown = 0;
  async function growTo(n: number) {
    for (let chunk = grown; chunk < n; chunk += 1000) {
      const size = Math.min(1000, n - chunk);
      const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + (chunk + i) * 60_000);
      await InboxEntryEntity.put(
        Array.from({ length: size }, (_, i) => ({ userId: author.userId, conversationId: `d.${String(chunk + i).padStart(22, '0')}`, kind: 'direct' as const, title: `Conversation ${chunk + i}`, lastMessageAt: at(i).toISOString() })),
      ).go({ concurrency: 4 });
      await MessageEntity.put(
        Array.from({ length: size }, (_, i) => ({ conversationId: history, messageId: newMessageId(at(i)), authorId: author.userId, authorName: 'Inès Banc', text: `Message ${chunk + i}`, clientMessageId: `banc-${chunk + i}-xxxx` })),
      ).go({ concurrency: 4 });
    }
    grown = n;
  }
  const pages = { 'boîte de réception': '/api/conversations?limit=20', 'historique (une page)': `/api/conversations/${history}/messages?limit=50` };
  const counts: Record<string, number[]> = {};
  for (const size of [10, 10_000]) {
    await growTo(size);
    for (const [name, path] of Object.entries(pages)) {
      await costOf(path); // warm the handler
      (counts[name] ??= []).push(await costOf(path));
    }
  }
  console.log('DynamoDB requests per page, with 10 and 10,000 conversations / messages:');
  for (const [name, [small, large]] of Object.entries(counts)) {
    const same = small === large;
    failed ||= !same;
    console.log(`  ${same ? '✓' : '✗'} ${name}: ${small} → ${large}`);
  }

} finally {
  for (const socket of sockets) socket.terminate();
  // Their `$disconnect` runs against the table before the stack stops.
  await new Promise((r) => setTimeout(r, 1000));
  await stack.stop();
}
process.exitCode = failed ? 1 : 0;
