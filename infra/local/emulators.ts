import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalStackError, startProcess, type ManagedProcess } from './processes';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export interface EmulatorOptions {
  port: number;
  logDir: string;
  /** Folder for the emulator's data; absent: in memory (tests). */
  dataDir?: string;
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalStackError(
      'Java (17 or newer) is needed to run DynamoDB Local and was not found: install it (e.g. `apt-get install -y openjdk-17-jre-headless`).',
    );
  }
}

/** AWS's own DynamoDB Local jar, shipped inside the amplify-dynamodb-simulator npm package. */
export async function startDynamoDbLocal(options: EmulatorOptions): Promise<ManagedProcess> {
  assertJava();
  const emulatorDir = path.join(packageDir('amplify-dynamodb-simulator'), 'emulator');
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return startProcess({
    name: 'dynamodb-local',
    command: 'java',
    args: [
      '-Xmx512m',
      // Quiet when idle (ADR 0025): one GC thread with no background cycles, no performance counters file.
      '-XX:+UseSerialGC',
      '-XX:-UsePerfData',
      '-Djava.library.path=./DynamoDBLocal_lib',
      '-jar',
      'DynamoDBLocal.jar',
      '-port',
      String(options.port),
      '-sharedDb',
      // 1.24+ sends telemetry unless told not to: nothing may leave 127.0.0.1.
      '-disableTelemetry',
      ...storage,
    ],
    cwd: emulatorDir,
    port: options.port,
    logDir: options.logDir,
  });
}

export interface CognitoLocalOptions extends EmulatorOptions {
  dataDir: string;
  /** Where cognito-local invokes the user pool's triggers (infra/local/lambda.ts), and which: trigger → function name. */
  lambda: { endpoint: string; triggerFunctions: Record<string, string> };
  /** How the user pool sends its mails: the local stand-in for the pool's SES email configuration. */
  mail: { sesEndpoint: string; from: string; configurationSet: string };
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
}

/**
 * Writes cognito-local's `.cognito/config.json` (in its working directory): the Lambda endpoint and
 * the triggers, rewritten at every start since the endpoint's port changes. Other keys are kept.
 */
function writeCognitoConfig(options: CognitoLocalOptions): void {
  const configDir = path.join(options.dataDir, '.cognito');
  const configPath = path.join(configDir, 'config.json');
  mkdirSync(configDir, { recursive: true });
  const existing = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>) : {};
  const config = {
    ...existing,
    LambdaClient: { endpoint: options.lambda.endpoint, region: options.region, credentials: options.credentials },
    TriggerFunctions: options.lambda.triggerFunctions,
  };
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * cognito-local, run by infra/local/cognito-server.ts: its own server with mail sent through the SES
 * emulator. It keeps its pools under `.cognito/` in its working directory.
 */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<ManagedProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  writeCognitoConfig(options);
  return startProcess({
    name: 'cognito-local',
    command: process.execPath,
    // tsx by absolute URL: the working directory (the data folder) may be outside the repository.
    args: ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./cognito-server.ts', import.meta.url))],
    cwd: options.dataDir,
    env: {
      PORT: String(options.port),
      HOST: '127.0.0.1',
      COGNITO_SES_ENDPOINT: options.mail.sesEndpoint,
      COGNITO_MAIL_FROM: options.mail.from,
      COGNITO_MAIL_CONFIGURATION_SET: options.mail.configurationSet,
      AWS_REGION: options.region,
      AWS_ACCESS_KEY_ID: options.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: options.credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    port: options.port,
    logDir: options.logDir,
  });
}

/** What SES v2 GetAccount answers locally: a production account and its send quota (the wave sender paces to it). */
export const localSesAccount = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'FR',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'Coopol (local)',
    WebsiteURL: 'http://127.0.0.1',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 1_000_000, MaxSendRate: 200, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
};

/** aws-ses-v2-local: the SES v2 API, a store of sent mail (GET /store) and a mail viewer at `/`. */
export async function startSesLocal(options: EmulatorOptions & { maxSendRate?: number }): Promise<ManagedProcess> {
  const account = { ...localSesAccount, SendQuota: { ...localSesAccount.SendQuota, MaxSendRate: options.maxSendRate ?? localSesAccount.SendQuota.MaxSendRate } };
  return startProcess({
    env: { AWS_SES_ACCOUNT: JSON.stringify(account) },
    name: 'ses-local',
    command: process.execPath,
    args: [path.join(packageDir('aws-ses-v2-local'), 'dist/cli.js'), '--host', '127.0.0.1', '--port', String(options.port)],
    port: options.port,
    logDir: options.logDir,
  });
}

/** s3rver: an S3-compatible server keeping objects in a folder. */
export async function startS3Local(options: EmulatorOptions & { dataDir: string }): Promise<ManagedProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  return startProcess({
    name: 's3-local',
    command: process.execPath,
    args: [
      path.join(packageDir('s3rver'), 'bin/s3rver.js'),
      '--directory',
      options.dataDir,
      '--address',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--silent',
      '--no-vhost-buckets',
    ],
    port: options.port,
    logDir: options.logDir,
  });
}
