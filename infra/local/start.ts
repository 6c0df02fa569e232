import path from 'node:path';
import { z } from 'zod';
import { DEMO_PASSWORD, demoAccounts } from './demo-data';
import { LocalStackError } from './processes';
import { portVariables, repoRoot, startLocalStack, type LocalPorts } from './stack';

/** `npm start`: the whole stack on 127.0.0.1 with demo data, until Ctrl-C. */
function readPorts(): LocalPorts {
  const port = z.coerce.number().int().min(1).max(65535);
  const ports = {} as LocalPorts;
  for (const [key, { env, fallback }] of Object.entries(portVariables) as [keyof LocalPorts, (typeof portVariables)[keyof LocalPorts]][]) {
    const raw = process.env[env];
    const parsed = port.safeParse(raw ?? fallback);
    if (!parsed.success) throw new LocalStackError(`${env}=${raw} is not a valid port number.`);
    ports[key] = parsed.data;
  }
  return ports;
}

async function main() {
  const started = Date.now();
  const stack = await startLocalStack({
    ports: readPorts(),
    dataDir: path.resolve(repoRoot, process.env.COOPOL_DATA_DIR ?? '.coopol'),
    web: true,
    demoSocial: true,
    officialMfaRequired: process.env.COOPOL_OFFICIAL_MFA_REQUIRED === 'true',
    logLevel: (process.env.COOPOL_LOG_LEVEL as 'INFO' | undefined) ?? 'WARN',
    progress: (line) => console.log(`· ${line}`),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping every process…`);
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  console.log(`
Coopol is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).

  Site            ${stack.urls.site}
  API             ${stack.urls.api}  (OpenAPI: ${stack.urls.api}/openapi.json)
  Mail viewer     ${stack.urls.mailViewer}
  DynamoDB Local  ${stack.urls.dynamodb}
  cognito-local   ${stack.urls.cognito}
  Local S3        ${stack.urls.s3}

Demo accounts (fictitious), password: ${DEMO_PASSWORD}
${demoAccounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role}`).join('\n')}

Data is kept in .coopol/ between runs. Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  if (error instanceof LocalStackError) console.error(`✗ ${error.message}`);
  else console.error('✗ The local stack could not start:', error);
  process.exit(1);
});
