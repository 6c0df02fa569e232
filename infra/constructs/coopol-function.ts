import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
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
import { Construct } from 'constructs';
import type { ReportCeilings } from '../../functions/src/contracts/events';
import type { FeatureAccess } from '../feature-access';

/** Every Coopol Lambda, ours or OpenNext's: Node 24 on Graviton. */
export const lambdaPlatform = {
  runtime: Runtime.NODEJS_24_X,
  architecture: Architecture.ARM_64,
} as const;

/** JSON logs (Powertools writes JSON; the runtime's own lines follow) into a log group we own and expire. */
export function lambdaLogging(scope: Construct, retention: RetentionDays = RetentionDays.ONE_MONTH) {
  return {
    logGroup: new LogGroup(scope, 'Logs', { retention, removalPolicy: RemovalPolicy.DESTROY }),
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
  /** The site's public origin, for links in mails. */
  siteUrl: string;
  /** The stage's ceilings per field report (infra/config.ts). */
  reportCeilings: ReportCeilings;
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
  /** @default RetentionDays.ONE_MONTH */
  logRetention?: RetentionDays;
  environment?: Record<string, string>;
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
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: CoopolFunctionProps) {
    super(scope, id);
    const access = props.access ?? {};

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      ...lambdaPlatform,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      ...lambdaLogging(this, props.logRetention),
      environment: {
        // Stack traces in the logs point at functions/src, not at the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...environmentFor(access, props.resources),
        ...props.environment,
      },
      bundling: lambdaBundling,
    });

    grantAccess(this.function, access, props.resources);
  }
}

/**
 * How every feature is bundled; `bench/lambda-budgets.ts` bundles with the same settings to check the
 * size and init budgets of what ships.
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
  forceDockerBundling: false,
} satisfies BundlingOptions;

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
    }),
    ...(access.files && { FILES_BUCKET: resources.filesBucket.bucketName }),
    // Officials must turn on TOTP before using their powers: always in AWS.
    ...(access.policy && { OFFICIAL_MFA_REQUIRED: 'true' }),
    ...(access.site && { SITE_URL: resources.siteUrl }),
    ...(access.reports && { REPORT_CEILINGS: JSON.stringify(resources.reportCeilings) }),
    ...(access.scheduler && {
      SCHEDULE_GROUP: requireScheduler(resources).groupName,
      SCHEDULER_ROLE_ARN: requireScheduler(resources).role.roleArn,
      // The ARNs are tokens inside the string: CloudFormation joins them in.
      SCHEDULED_JOB_ARNS: JSON.stringify(requireScheduler(resources).jobArns),
    }),
  };
}

function requireScheduler(resources: CoopolResources) {
  if (!resources.scheduler) throw new Error('scheduler access needs resources.scheduler (the jobs stack)');
  return resources.scheduler;
}

function grantAccess(fn: IFunction, access: FeatureAccess, resources: CoopolResources): void {
  if (access.table) resources.table.grant(fn, ...tableActions[access.table]);

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
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` })],
      }),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn] }));
  }

  if (access.files === 'probe') {
    // HeadBucket is authorized as s3:ListBucket on the bucket itself.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [resources.filesBucket.bucketArn] }));
  } else if (access.files === 'read') {
    resources.filesBucket.grantRead(fn);
  } else if (access.files === 'readwrite') {
    resources.filesBucket.grantReadWrite(fn);
  }
}
