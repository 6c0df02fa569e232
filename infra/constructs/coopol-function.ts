import path from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Stack, type ILocalBundling } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
  type IFunction,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { fromRepoRoot } from '../paths';
import { Construct } from 'constructs';
import { buildSync, type BuildOptions } from 'esbuild';
import type { ReportCeilings } from '../../functions/src/contracts/events';
import { tableDesign } from '../../functions/src/domain/table-design';
import type { FeatureAccess } from '../feature-access';
import { acknowledge } from '../nag';

/** Every Coopol Lambda, ours or OpenNext's: Node 24 on Graviton. */
export const lambdaPlatform = {
  runtime: Runtime.NODEJS_24_X,
  architecture: Architecture.ARM_64,
} as const;

/**
 * JSON logs (Powertools writes JSON; the runtime's own lines follow) into a log group we own and
 * expire after the stage's retention (`logRetentionDays.functions`), and the function's role, which
 * may write to that log group only (not AWSLambdaBasicExecutionRole's every log group).
 */
export function lambdaLogging(scope: Construct, retentionDays: number) {
  const logGroup = new LogGroup(scope, 'Logs', { retention: retentionDays as RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
  const role = new Role(scope, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  // X-Ray's PutTraceSegments and PutTelemetryRecords (tracing is on everywhere) accept no resource but `*`.
  acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and, where granted, ses:GetAccount and dynamodb:ListStreams have no resource to scope to');
  return {
    role,
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
  };
}

/** The stateful resources a function may be granted, with what its modules need to reach them. */
export interface CoopolResources {
  table: ITable;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  mail: { from: string; identity: IEmailIdentity; configurationSet: IConfigurationSet };
  filesBucket: IBucket;
  /** The documents bucket's ARN read from the files stack's output (FilesStack.bucketArnForOtherStacks). */
  filesBucketArn: string;
  /** The site's public origin, for links in mails. */
  siteUrl: string;
  /** The stage's ceilings per field report (infra/config.ts). */
  reportCeilings: ReportCeilings;
  /** Above this reach a federation's or national message needs a second person's approval (infra/config.ts). */
  mailingApprovalThreshold: number;
  /** Minutes before an unread message is mailed to its offline reader (infra/config.ts). */
  messageMailDelayMinutes: number;
  /** Megabytes a space's shared documents may take (infra/config.ts). */
  spaceDocumentQuotaMb: number;
  /** The party named in every mail to many (infra/config.ts `partyName`, `partyAddress`). */
  party: { name: string; address: string };
  /** Days the functions' logs are kept (the stage's `logRetentionDays.functions`). */
  logRetentionDays: number;
  /** The live channel (the realtime stack's WebSocket API; absent in stacks made before it). */
  realtime?: { url: string; endpoint: string; apiId: string; stageName: string };
  /** One-off schedules of the scheduled jobs (absent in stacks made before the jobs stack). */
  scheduler?: { groupName: string; role: IRole; jobArns: Record<string, string> };
}

export interface CoopolFunctionProps {
  /** TypeScript module exporting `handler`, absolute path. */
  entry: string;
  description?: string;
  /** What the function may touch; each entry brings its IAM grant and its environment variables. @default {} */
  access?: FeatureAccess;
  resources: CoopolResources;
  /** @default 512 */
  memorySize?: number;
  /** @default Duration.seconds(10) — below API Gateway's 30 s so the API answers with our error, not its own. */
  timeout?: Duration;
  environment?: Record<string, string>;
  /**
   * Where a failed asynchronous invocation lands after Lambda's own two retries (scheduled and
   * recurring jobs). Functions invoked synchronously or by an event source mapping have none and
   * must say why (`synchronous`).
   */
  deadLetterQueue?: IQueue;
  /** Why this function needs no dead-letter queue: who invokes it, and where its failure goes instead. */
  synchronous?: string;
  /**
   * Import the entry's module on the first request, not at init (ADR 0008): the bundle is split,
   * its init chunk holds only `lazyHandler` (functions/src/http/kit/lazy-handler.ts) and, with table
   * access, the runtime's DynamoDB client. The API's features are bundled so. @default false
   */
  lazy?: boolean;
}

const tableActions = {
  probe: ['dynamodb:GetItem'],
  // No Scan: list endpoints go through access patterns (Query), never through Scan.
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readwrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
  // The erasure sweep only (ADR 0024): a maintenance job that reads the whole table, never a request.
  sweep: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
} as const satisfies Record<NonNullable<FeatureAccess['table']>, readonly string[]>;

/**
 * A Lambda function with Coopol's defaults: Node 24 on arm64, ESM bundle built by the local
 * esbuild (minified, source maps), X-Ray tracing, JSON logs in a log group with retention, and
 * least-privilege access declared through `access` (see infra/feature-access.ts).
 */
export class CoopolFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: CoopolFunctionProps) {
    super(scope, id);
    const access = props.access ?? {};

    const common = {
      description: props.description,
      ...lambdaPlatform,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      ...lambdaLogging(this, props.resources.logRetentionDays),
      ...(props.deadLetterQueue && { deadLetterQueue: props.deadLetterQueue }),
      environment: {
        // Stack traces in the logs point at functions/src, not at the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...environmentFor(access, props.resources),
        ...props.environment,
      },
    };
    this.function = props.lazy
      ? new LambdaFunction(this, 'Function', { ...common, handler: 'index.handler', code: lazyFunctionCode(props.entry, preloadedAtInit(access)) })
      : new NodejsFunction(this, 'Function', { ...common, entry: props.entry, handler: 'handler', bundling: lambdaBundling });

    if (!props.deadLetterQueue) {
      if (!props.synchronous) throw new Error(`${this.node.path}: give a deadLetterQueue, or say who invokes it synchronously`);
      acknowledge(this.function, 'Serverless-LambdaDLQ', props.synchronous);
    }
    grantAccess(this.function, access, props.resources);
  }
}

/** Modules replaced in the shipped bundles (ADR 0008), by absolute path. */
export const shippedAliases = { jsonschema: fromRepoRoot('infra/bundling/jsonschema-off.cjs') };

/**
 * How NodejsFunction bundles the functions that are not lazy (Cognito triggers, jobs). The lazy ones
 * (the API's features) are bundled with the same settings as esbuild options (`lazyBuildOptions`),
 * and so are the checks and `bench/lambda-budgets.ts`.
 */
export const lambdaBundling = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // CommonJS dependencies inside an ESM bundle still call `require` for Node built-ins.
  banner: "import { createRequire as __coopolCreateRequire } from 'node:module'; const require = __coopolCreateRequire(import.meta.url);",
  // The runtime ships the AWS SDK v3 clients; leaving them out keeps bundles small. Helpers such as
  // lib-dynamodb or the presigners are bundled: the runtime is not guaranteed to have them
  // (tests/infra/lambda-bundles.test.ts fails on any other run-time import).
  externalModules: ['@aws-sdk/client-*'],
  // ElectroDB's model validator is left out of what ships: the models are checked wherever they are
  // built with it — tests, local stack — and never change at run time (infra/bundling/jsonschema-off.cjs).
  esbuildArgs: { '--alias:jsonschema': shippedAliases.jsonschema },
  forceDockerBundling: false,
} satisfies BundlingOptions;

/** `lambdaBundling` as esbuild options: what NodejsFunction passes esbuild, for the lazy bundles and the checks. */
export const shippedBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: lambdaBundling.target,
  mainFields: lambdaBundling.mainFields,
  minify: lambdaBundling.minify,
  banner: { js: lambdaBundling.banner },
  external: lambdaBundling.externalModules,
  alias: shippedAliases,
  logLevel: 'error',
} satisfies BuildOptions;

/** The runtime's SDK clients a lazy function loads at init: DynamoDB's, which nearly every request uses. */
export function preloadedAtInit(access: FeatureAccess): string[] {
  return access.table ? ['@aws-sdk/client-dynamodb'] : [];
}

/**
 * The init module of a lazy function: the SDK clients to load at init, then `lazyHandler` around a
 * dynamic import of the entry, which esbuild turns into a chunk of its own.
 */
export function lazyEntrySource(entry: string, preload: string[]): string {
  return [
    ...preload.map((client) => `import ${JSON.stringify(client)};`),
    `import { lazyHandler } from ${JSON.stringify(fromRepoRoot('functions/src/http/kit/lazy-handler.ts'))};`,
    `export const handler = lazyHandler(() => import(${JSON.stringify(entry)}));`,
  ].join('\n');
}

/**
 * esbuild options of a lazy function (ESM code splitting): `index.mjs`, the init chunk, and the
 * chunks it imports on first request, with their source maps, in `outdir`.
 */
export function lazyBuildOptions(entry: string, outdir: string, preload: string[]) {
  return {
    ...shippedBuildOptions,
    stdin: { contents: lazyEntrySource(entry, preload), resolveDir: path.dirname(entry), sourcefile: 'index.ts', loader: 'ts' },
    splitting: true,
    outdir,
    entryNames: 'index',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
  } satisfies BuildOptions;
}

/** Bundles a lazy function with the local esbuild, as NodejsFunction does (never Docker). */
class LazyBundling implements ILocalBundling {
  // Fields, not only a closure: CDK tells assets apart by their bundling options' JSON.
  constructor(
    readonly entry: string,
    readonly preload: string[],
  ) {}

  tryBundle(outputDir: string): boolean {
    buildSync(lazyBuildOptions(this.entry, outputDir, this.preload));
    return true;
  }
}

function lazyFunctionCode(entry: string, preload: string[]): Code {
  return Code.fromAsset(path.dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws esbuild's error.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      local: new LazyBundling(entry, preload),
    },
  });
}

/** The variables `functions/src/shared/*` read at module load, for the resources the function may use. */
function environmentFor(access: FeatureAccess, resources: CoopolResources): Record<string, string> {
  return {
    ...(access.table && { TABLE_NAME: resources.table.tableName }),
    ...(access.userPool && {
      USER_POOL_ID: resources.userPool.userPoolId,
      USER_POOL_CLIENT_ID: resources.userPoolClient.userPoolClientId,
    }),
    ...(access.mail && {
      MAIL_FROM: resources.mail.from,
      MAIL_CONFIGURATION_SET: resources.mail.configurationSet.configurationSetName,
      PARTY_NAME: resources.party.name,
      PARTY_ADDRESS: resources.party.address,
    }),
    ...(access.files && { FILES_BUCKET: resources.filesBucket.bucketName }),
    // Officials must turn on TOTP before using their powers: always in AWS.
    ...(access.policy && { OFFICIAL_MFA_REQUIRED: 'true' }),
    ...(access.site && { SITE_URL: resources.siteUrl }),
    ...(access.reports && { REPORT_CEILINGS: JSON.stringify(resources.reportCeilings) }),
    ...(access.mailings && { MAILING_APPROVAL_THRESHOLD: String(resources.mailingApprovalThreshold) }),
    ...(access.messageMail && { MESSAGE_MAIL_DELAY_MINUTES: String(resources.messageMailDelayMinutes) }),
    ...(access.documentQuota && { SPACE_DOCUMENT_QUOTA_MB: String(resources.spaceDocumentQuotaMb) }),
    ...(access.scheduler && {
      SCHEDULE_GROUP: requireScheduler(resources).groupName,
      SCHEDULER_ROLE_ARN: requireScheduler(resources).role.roleArn,
      // The ARNs are tokens inside the string: CloudFormation joins them in.
      SCHEDULED_JOB_ARNS: JSON.stringify(requireScheduler(resources).jobArns),
    }),
    ...(access.realtime === 'ticket' && { REALTIME_URL: requireRealtime(resources).url }),
    ...(access.realtime === 'push' && { REALTIME_ENDPOINT: requireRealtime(resources).endpoint }),
  };
}

function requireRealtime(resources: CoopolResources) {
  if (!resources.realtime) throw new Error('realtime access needs resources.realtime (the realtime stack)');
  return resources.realtime;
}

function requireScheduler(resources: CoopolResources) {
  if (!resources.scheduler) throw new Error('scheduler access needs resources.scheduler (the jobs stack)');
  return resources.scheduler;
}

function grantAccess(fn: IFunction, access: FeatureAccess, resources: CoopolResources): void {
  if (access.table) {
    // The table and its named indexes (tableDesign), not `index/*`.
    const { tableArn } = resources.table;
    const indexes = access.table === 'probe' ? [] : tableDesign.globalIndexes.map((index) => `${tableArn}/index/${index.indexName}`);
    fn.addToRolePolicy(new PolicyStatement({ actions: [...tableActions[access.table]], resources: [tableArn, ...indexes] }));
  }

  if (access.userPool === 'describe') resources.userPool.grant(fn, 'cognito-idp:DescribeUserPool');
  if (access.userPool === 'accounts') {
    resources.userPool.grant(
      fn,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminUserGlobalSignOut',
    );
  }

  if (access.mail === 'account') {
    // GetAccount has no resource to scope to.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
  } else if (access.mail === 'send') {
    resources.mail.identity.grantSendEmail(fn);
    // The wave sender paces itself to the account's maximum send rate.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
    const configurationSetArn = Stack.of(fn).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: resources.mail.configurationSet.configurationSetName,
    });
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [configurationSetArn] }));
  }

  if (access.scheduler === 'manage') {
    const { groupName, role } = requireScheduler(resources);
    const stack = Stack.of(fn);
    acknowledge(
      fn.role!,
      `AwsSolutions-IAM5[Resource::arn:aws:scheduler:${stack.region}:${stack.account}:schedule/${groupName}/*]`,
      'one-off schedules are created at run time, named after their wave or event, in this stage’s own schedule group only',
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` })],
      }),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn] }));
  }

  if (access.realtime === 'push') {
    // Only the connections of this stage's WebSocket API: `…:<api>/<stage>/POST/@connections/*`.
    const { apiId, stageName } = requireRealtime(resources);
    const stack = Stack.of(fn);
    const connections = (api: string) => `arn:${stack.partition}:execute-api:${stack.region}:${stack.account}:${api}/${stageName}/POST/@connections/*`;
    fn.addToRolePolicy(new PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [connections(apiId)] }));
    acknowledge(
      fn.role!,
      `AwsSolutions-IAM5[Resource::${connections(JSON.stringify(stack.resolve(apiId))).replace(`arn:${stack.partition}`, 'arn:aws')}]`,
      'connection ids are made by API Gateway at each connection: any connection of this stage’s WebSocket API, nothing else',
    );
  }

  if (access.files === 'probe') {
    // HeadBucket is authorized as s3:ListBucket on the bucket itself.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [resources.filesBucket.bucketArn] }));
  } else if (access.files) {
    // Objects only, by the calls the modules make (Get/Head, and for readwrite presigned Put, Copy,
    // Delete); ListBucket so that a missing object is a 404, not a 403.
    const objectActions = access.files === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
    fn.addToRolePolicy(new PolicyStatement({ actions: objectActions, resources: [`${resources.filesBucketArn}/*`] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [resources.filesBucketArn] }));
    acknowledge(
      fn.role!,
      `AwsSolutions-IAM5[Resource::${JSON.stringify(Stack.of(fn).resolve(resources.filesBucketArn))}/*]`,
      'object keys are generated per upload (a person’s photo, a post’s file): any key of the documents bucket, no other bucket',
    );
  }
}
