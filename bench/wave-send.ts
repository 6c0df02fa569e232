import { readFileSync } from 'node:fs';
import os from 'node:os';
import { startLocalStack } from '../infra/local/stack';
import { freePorts } from '../tests/support/stack';

/**
 * A rollout wave of 100,000 confirmed preregistrations (BENCH_WAVE_RECIPIENTS), sent against the
 * local SES emulator with the account's rate set high (BENCH_WAVE_RATE, default 1,000 mails/s), so
 * that the pipeline, not the pace, is measured. The sender runs in this process (the stack's worker
 * leaves it alone) so that every DynamoDB request is counted, SES's Send events included (their
 * handler runs in this process too). Reports mails/s, DynamoDB requests per recipient and memory.
 *
 * Mails/s depends on what else the machine runs; the CPU time the whole pipeline spends per mail
 * (this process, DynamoDB Local and the SES emulator, read from /proc) does not: it gives the rate
 * the pipeline sustains on this machine's cores when they are free.
 */
const RECIPIENTS = Number(process.env.BENCH_WAVE_RECIPIENTS ?? 100_000);
const RATE = Number(process.env.BENCH_WAVE_RATE ?? 1_000);
/** Occitanie: 13 federations, a task each. */
const REGION = '76';

/** CPU seconds a process used so far (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const stack = await startLocalStack({ ports: await freePorts(), web: false, workerSkips: ['wave-sender'], sesMaxSendRate: RATE, logLevel: 'SILENT' });
try {
  const { dynamodb } = await import('../functions/src/shared/dynamodb');
  const { PreregistrationEntity, FunnelEntity, WaveTaskEntity } = await import('../functions/src/domain/rollout/entities');
  const { FederationEntity } = await import('../functions/src/domain/territory/entities');
  const { createWaveAs } = await import('../functions/src/domain/rollout/waves');
  const { loadWave, openWave } = await import('../functions/src/domain/rollout/opening');
  const { runWaveTask } = await import('../functions/src/domain/rollout/sender');

  let requests = 0;
  dynamodb.middlewareStack.add((next) => (args) => ((requests += 1), next(args)), { step: 'initialize', name: 'benchCount' });

  const federations = (await FederationEntity.query.byRegion({ regionCode: REGION }).go({ pages: 'all' })).data;
  console.log(`Loading ${RECIPIENTS} confirmed preregistrations across ${federations.length} federations…`);
  const at = new Date().toISOString();
  const loadStarted = performance.now();
  for (let start = 0; start < RECIPIENTS; start += 5_000) {
    const items = Array.from({ length: Math.min(5_000, RECIPIENTS - start) }, (_, k) => {
      const i = start + k;
      const federation = federations[i % federations.length]!;
      return {
        email: `vague.${String(i).padStart(6, '0')}@coopol.example`,
        token: `bench${String(i).padStart(27, '0')}`,
        postalCode: '31000',
        communeName: 'Toulouse',
        federationCode: federation.code,
        federationName: federation.name,
        regionCode: REGION,
        kind: 'supporter' as const,
        status: 'confirmed' as const,
        consentAt: at,
        createdAt: at,
        confirmedAt: at,
        expiresAt: Math.floor(Date.now() / 1000) + 86_400,
      };
    });
    const { unprocessed } = await PreregistrationEntity.put(items).go();
    if (unprocessed.length) throw new Error('unprocessed preregistrations');
  }
  for (const federation of federations) {
    const count = Math.floor(RECIPIENTS / federations.length) + (federations.indexOf(federation) < RECIPIENTS % federations.length ? 1 : 0);
    await FunnelEntity.update({ federationCode: federation.code }).add({ confirmed: count, waiting: count }).go();
  }
  console.log(`Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s.`);

  // The SES emulator keeps every mail in memory: empty it as we go (the wave's counters are the count).
  const clearing = setInterval(() => void fetch(`${stack.urls.mailViewer}clear-store`, { method: 'POST' }), 5_000);
  let peakRss = 0;
  let peakHeap = 0;
  const sampling = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  }, 250);

  const wave = await createWaveAs({ userId: 'bench', name: 'Banc d’essai' }, { name: 'Banc d’essai', regionCodes: [REGION], federationCodes: [], opensAt: at, trainings: [] });
  const baseRss = process.memoryUsage().rss;
  const others = Object.entries(stack.processIds()).filter(([name]) => name === 'dynamodb-local' || name === 'ses-local');
  const othersBefore = others.map(([, pid]) => cpuSeconds(pid));
  const ownBefore = process.cpuUsage();
  requests = 0;
  const started = performance.now();
  await openWave(wave.id);
  // What the stream would deliver: each created task, to a sender with Lambda's 15 minutes.
  const tasks = (await WaveTaskEntity.query.byWave({ waveId: wave.id }).go({ pages: 'all' })).data;
  for (const task of tasks) await runWaveTask(task, () => 15 * 60_000);
  await new Promise((r) => setTimeout(r, 500)); // the last SES events
  const seconds = (performance.now() - started) / 1000;
  clearInterval(clearing);
  clearInterval(sampling);
  const own = process.cpuUsage(ownBefore);
  const ownSeconds = (own.user + own.system) / 1e6;
  const othersSeconds = others.map(([, pid], i) => cpuSeconds(pid) - othersBefore[i]!);
  const cpu = ownSeconds + othersSeconds.reduce((sum, v) => sum + v, 0);
  const parts: [string, number][] = [['sender and SES events', ownSeconds], ...others.map(([name], i): [string, number] => [name, othersSeconds[i]!])];

  const done = await loadWave(wave.id);
  const share = parts.map(([name, secs]) => `${name} ${((secs / done.sent) * 1000).toFixed(2)}`).join(', ');
  console.log(
    `Wave of ${RECIPIENTS} recipients (${tasks.length} tasks), SES rate ${RATE}/s: status ${done.status}, ` +
      `sent ${done.sent}, failed ${done.failed}, suppressed ${done.suppressed}\n` +
      `  ${seconds.toFixed(1)} s = ${Math.round(done.sent / seconds)} mails/s (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)\n` +
      `  CPU: ${((cpu / done.sent) * 1000).toFixed(2)} ms per mail (sender, DynamoDB Local, SES emulator) = ` +
      `${Math.round(os.cpus().length / (cpu / done.sent))} mails/s on ${os.cpus().length} free cores (${share})\n` +
      `  ${requests} DynamoDB requests = ${(requests / RECIPIENTS).toFixed(3)} per recipient (sender and SES events)\n` +
      `  memory: RSS peak ${Math.round(peakRss / 1024 / 1024)} MB (+${Math.round((peakRss - baseRss) / 1024 / 1024)} MB while sending), heap peak ${Math.round(peakHeap / 1024 / 1024)} MB`,
  );
  // Everyone confirmed in the region (the demo's few included) got exactly their mail.
  if (done.status !== 'done' || done.sent !== done.recipients || done.sent < RECIPIENTS) process.exitCode = 1;
} finally {
  await stack.stop();
}
