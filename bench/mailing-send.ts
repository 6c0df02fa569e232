import os from 'node:os';
import { startLocalStack } from '../infra/local/stack';
import { freePorts } from '../tests/support/stack';

/**
 * A message of a federation to its 100,000 people (BENCH_MAILING_RECIPIENTS), sent by the bulk-mail
 * engine's third adapter (ADR 0028) against the local SES emulator at the account rate set by
 * BENCH_MAILING_RATE (default 1,000 mails/s, so that the pipeline, not the pace, is measured). The
 * sender runs in this process (the worker leaves `bulk-mail` alone), so that every DynamoDB request is
 * counted, SES's Send events included. Two messages go to the same people: the first makes each
 * person's mail preference (their links' secret), the second finds them — the steady state.
 * Reports mails/s, DynamoDB requests per recipient and memory (RSS while sending, which stays flat).
 */
const RECIPIENTS = Number(process.env.BENCH_MAILING_RECIPIENTS ?? 100_000);
const RATE = Number(process.env.BENCH_MAILING_RATE ?? 1_000);
/** Issue 16's goal: no more DynamoDB requests per recipient than the wave sender's 0.2, once preferences exist. */
const GOAL_PER_RECIPIENT = 0.2;
/** Lozère: a federation no demo person is in. */
const FEDERATION = '48';

const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: ['bulk-mail'], sesMaxSendRate: RATE, logLevel: 'SILENT' });
try {
  const { dynamodb } = await import('../functions/src/shared/dynamodb');
  const { PersonEntity } = await import('../functions/src/domain/people/entities');
  const { defaultVisibility } = await import('../functions/src/domain/people/visibility');
  const { MailingEntity } = await import('../functions/src/domain/mailings/entities');
  const { startSending } = await import('../functions/src/domain/mailings/start');
  const { runMailingTask, loadMailing, mailingOf } = await import('../functions/src/domain/mailings/sender');
  const { bulkTasks } = await import('../functions/src/domain/mail/bulk/stores');

  let requests = 0;
  // By operation too, to see where a page's requests go.
  const byOperation = new Map<string, number>();
  dynamodb.middlewareStack.add(
    (next, context) => (args) => {
      requests += 1;
      byOperation.set(context.commandName ?? '?', (byOperation.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCount' },
  );

  console.log(`Loading ${RECIPIENTS} people of federation ${FEDERATION}…`);
  const loadStarted = performance.now();
  const consentAt = new Date().toISOString();
  for (let start = 0; start < RECIPIENTS; start += 5_000) {
    const items = Array.from({ length: Math.min(5_000, RECIPIENTS - start) }, (_, k) => {
      const userId = `banc-${String(start + k).padStart(6, '0')}`;
      return { userId, email: `${userId}@coopol.example`, givenName: 'Militant', familyName: 'Banc', sortName: `banc ${userId}`, status: 'sympathisant' as const, federationCode: FEDERATION, federationName: 'Lozère', visibility: defaultVisibility, consentAt };
    });
    const { unprocessed } = await PersonEntity.put(items).go({ concurrency: 4 });
    if (unprocessed.length) throw new Error('unprocessed people');
  }
  console.log(`Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s.`);

  // The SES emulator keeps every mail in memory: empty it as we go (the message's counters are the count).
  const clearing = setInterval(() => void fetch(`${stack.urls.mailViewer}clear-store`, { method: 'POST' }), 5_000);
  for (const round of ['first message (preferences made)', 'second message (preferences known)']) {
    const steady = round.startsWith('second');
    const mailingId = Math.random().toString(16).slice(2, 14).padEnd(24, '0');
    await MailingEntity.create({
      mailingId, spaceType: 'federation', spaceId: FEDERATION, spaceKey: `federation:${FEDERATION}`, spaceLabel: 'Fédération de la Lozère', federationCode: FEDERATION,
      authorId: 'banc-auteur', authorName: 'Banc d’essai', subject: 'Banc d’essai', text: 'Un message à toute la fédération.', state: 'sending',
    }).go();
    let peakRss = 0;
    const sampling = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const baseRss = process.memoryUsage().rss;
    requests = 0;
    byOperation.clear();
    const started = performance.now();
    await startSending(mailingId);
    // What the stream would deliver: each created task (and each hand-over), to a sender with Lambda's 15 minutes.
    for (let seen = new Set<string>(); ; ) {
      const open = (await bulkTasks(mailingOf(mailingId))).filter((t) => !t.done && !seen.has(`${t.shard}#${t.seq}`));
      if (!open.length) break;
      for (const t of open) {
        seen.add(`${t.shard}#${t.seq}`);
        await runMailingTask({ mailing: mailingOf(mailingId), shard: t.shard, seq: t.seq }, () => 15 * 60_000);
      }
    }
    await new Promise((r) => setTimeout(r, 500)); // the last SES events
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampling);
    const done = (await loadMailing(mailingId, true))!;
    console.log(
      `${round}: ${RECIPIENTS} recipients, SES rate ${RATE}/s: state ${done.state}, sent ${done.sent}, skipped ${done.skipped}, suppressed ${done.suppressed}\n` +
        `  ${seconds.toFixed(1)} s = ${Math.round(done.sent / seconds)} mails/s (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)\n` +
        `  ${requests} DynamoDB requests = ${(requests / RECIPIENTS).toFixed(3)} per recipient (sender and SES events${steady ? `; goal ≤ ${GOAL_PER_RECIPIENT}: ${requests / RECIPIENTS <= GOAL_PER_RECIPIENT ? 'met' : 'MISSED'}` : ''}): ${[...byOperation].map(([op, n]) => `${op.replace('Command', '')} ${n}`).join(', ')}\n` +
        `  memory: RSS peak ${Math.round(peakRss / 1024 / 1024)} MB (+${Math.round((peakRss - baseRss) / 1024 / 1024)} MB while sending)`,
    );
    if (done.state !== 'sent' || done.sent !== RECIPIENTS) process.exitCode = 1;
    if (steady && requests / RECIPIENTS > GOAL_PER_RECIPIENT) process.exitCode = 1;
  }
  clearInterval(clearing);
} finally {
  await stack.stop();
}
