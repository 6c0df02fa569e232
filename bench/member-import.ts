import { startLocalStack } from '../infra/local/stack';
import { freePorts } from '../tests/support/stack';

/**
 * Imports a member file of 50,000 rows (then the same file again) against DynamoDB Local and reports
 * rows/s and DynamoDB requests per row. Runs the domain import directly, in-process: the API route
 * adds only authorization and the CSV body limit (5 MB ≈ 60,000 rows) on top of it.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);

const stack = await startLocalStack({ ports: await freePorts(), web: false, logLevel: 'SILENT' });
try {
  const { applyMemberFile } = await import('../functions/src/domain/membership/member-file');
  const { runWithRequestStats } = await import('../functions/src/shared/request-context');
  const sections = ['mulhouse', 'colmar', 'paris-11', 'paris-18', 'marseille-centre', 'rennes', 'lille', 'berlin'];
  const lines = ['numero;nom;prenom;email;section'];
  for (let i = 0; i < ROWS; i += 1) {
    const n = String(i).padStart(7, '0');
    lines.push(`B${n};Nom${n};Prénom${n};bench.${n}@coopol.example;${sections[i % sections.length]}`);
  }
  const csv = lines.join('\n');

  const measure = async (label: string) => {
    const memory = process.memoryUsage().rss;
    const started = performance.now();
    const { stats, result } = runWithRequestStats(() => applyMemberFile(csv));
    const report = await result;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(18)} ${ROWS} rows in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds)} rows/s · ` +
        `${stats.dynamodbCalls} DynamoDB requests = ${(stats.dynamodbCalls / ROWS).toFixed(3)} per row · ` +
        `created ${report.created}, unchanged ${report.unchanged}, errors ${report.errors.length} · ` +
        `RSS +${Math.round((process.memoryUsage().rss - memory) / 1024 / 1024)} MB`,
    );
  };
  console.log(`Member file import against DynamoDB Local (${(csv.length / 1024 / 1024).toFixed(1)} MB CSV)`);
  await measure('first import');
  await measure('same file again');
} finally {
  await stack.stop();
}
