import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { routeKey } from '../../functions/src/contracts/route';
import { routes } from '../../functions/src/contracts/routes';
import { logRetentionCeilingDays } from '../../functions/src/contracts/log-retention';
import { defaultLaunchSurge, waveSendRateCap } from '../../functions/src/domain/rollout/launch-capacity';
import { readStageConfig } from '../../infra/config';
import { jobNames, jobs } from '../../infra/jobs';
import { synthesizeStage } from './stage-fixture';

// Prod as it would be deployed: a domain, an alarm address, short function logs.
const prod = synthesizeStage({
  stage: 'prod',
  domainName: 'coopol.example',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
  mailFrom: 'ne-pas-repondre@coopol.example',
  alarmEmail: 'astreinte@coopol.example',
  logRetentionDays: JSON.stringify({ functions: 14, apiAccess: 7, cdn: 3, bucketAccess: 10 }),
});
type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
const resourcesOf = (name: Parameters<typeof prod.template>[0]) => Object.values(prod.template(name).toJSON().Resources as Record<string, Resource>);
const regionalStacks = ['data', 'auth', 'mail', 'files', 'jobs', 'api', 'web', 'monitoring'] as const;

test('API: the stage has a default throttle, and tighter limits on sign-in, sign-up, resend, forgot, link previews and public answers', () => {
  const [stage] = resourcesOf('api').filter((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
  const defaults = stage!.Properties.DefaultRouteSettings as { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
  assert.deepEqual(defaults, { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 });
  const perRoute = stage!.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
  for (const name of ['signIn', 'signUp', 'confirmSignUp', 'resendSignUpCode', 'forgotPassword', 'previewLink', 'answerPublicEvent'] as const) {
    const limit = perRoute[routeKey(routes[name])];
    assert.ok(limit, `${name} has its own throttle`);
    assert.ok(limit.ThrottlingRateLimit < defaults.ThrottlingRateLimit, `${name}: below the stage default`);
  }
  // Each confirmed sign-up creates a Cognito user: the API refuses before Cognito's quota (50/s) does.
  assert.ok(perRoute[routeKey(routes.confirmSignUp)]!.ThrottlingRateLimit < 50);
});

test('API: one JSON access-log line per request by route key, never the raw path (tokens) nor the address, kept as the stage says', () => {
  const [stage] = resourcesOf('api').filter((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
  const settings = stage!.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
  const format = JSON.parse(settings.Format) as Record<string, string>;
  assert.equal(format.routeKey, '$context.routeKey');
  for (const field of ['requestId', 'status', 'latencyMs', 'integrationError']) assert.ok(field in format, field);
  assert.doesNotMatch(settings.Format, /\$context\.(path|identity\.sourceIp|identity\.userAgent)|\$request/);
  const accessLogs = Stack.of(prod.stacks.api).getLogicalId(prod.stacks.api.accessLogs.node.defaultChild as never);
  assert.deepEqual(settings.DestinationArn, { 'Fn::GetAtt': [accessLogs, 'Arn'] });
  prod.template('api').hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
});

test('WAF: prod puts a us-east-1 web ACL (managed rules, rates per address) in front of CloudFront; other stages only when asked', () => {
  assert.equal(prod.stacks.edge?.region, 'us-east-1');
  const acl = resourcesOf('edge').find((r) => r.Type === 'AWS::WAFv2::WebACL')!;
  assert.equal(acl.Properties.Scope, 'CLOUDFRONT');
  const rules = acl.Properties.Rules as { Name: string; Statement: Record<string, { Name?: string; AggregateKeyType?: string }> }[];
  const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
  assert.deepEqual(managed.sort(), ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
  assert.ok(rules.filter((r) => r.Statement.RateBasedStatement?.AggregateKeyType === 'IP').length >= 2);
  const distribution = resourcesOf('web').find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
  assert.match(JSON.stringify((distribution.Properties.DistributionConfig as { WebACLId: unknown }).WebACLId), /coopol-prod-edge/);

  assert.equal(synthesizeStage({ stage: 'staging' }).stacks.edge, undefined, 'off outside prod by default');
  assert.ok(synthesizeStage({ stage: 'staging', waf: 'true' }).stacks.edge, 'on when the stage asks');
  assert.equal(synthesizeStage({ stage: 'prod', waf: 'false' }).stacks.edge, undefined, 'prod may turn it off');
});

test('logs: every log group of every stack keeps its lines as the stage config says, at most what the privacy page states', () => {
  for (const name of regionalStacks) {
    for (const group of resourcesOf(name).filter((r) => r.Type === 'AWS::Logs::LogGroup')) {
      assert.ok([14, 7].includes(group.Properties.RetentionInDays as number), `${name}: a log group kept ${String(group.Properties.RetentionInDays)} days`);
    }
  }
  assert.throws(
    () => readStageConfig((key) => ({ logRetentionDays: JSON.stringify({ ...logRetentionCeilingDays, functions: 60 }) })[key], {}),
    /logRetentionDays\.functions: at most 30 days: the privacy page says so/,
  );
  assert.throws(() => readStageConfig((key) => ({ logRetentionDays: JSON.stringify({ ...logRetentionCeilingDays, apiAccess: 20 }) })[key], {}), /logRetentionDays\.apiAccess: one of CloudWatch/);
});

test('logs: CloudFront standard logs leave out query strings, cookies and addresses, in their own bucket that expires them', () => {
  const delivery = resourcesOf('cdnLogs').find((r) => r.Type === 'AWS::Logs::Delivery')!;
  const fields = delivery.Properties.RecordFields as string[];
  for (const personal of ['cs-uri-query', 'cs(Cookie)', 'c-ip', 'x-forwarded-for', 'cs(User-Agent)', 'cs(Referer)']) assert.ok(!fields.includes(personal), personal);
  assert.ok(fields.includes('cs-uri-stem') && fields.includes('sc-status'));
  const source = resourcesOf('cdnLogs').find((r) => r.Type === 'AWS::Logs::DeliverySource')!;
  assert.equal(source.Properties.LogType, 'ACCESS_LOGS');
  prod.template('cdnLogs').hasResourceProperties('AWS::S3::Bucket', {
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 3, Status: 'Enabled' })]) },
  });
});

test('logs: the documents and site buckets log their accesses into buckets that expire them', () => {
  prod.template('files').hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' }, LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'files/' }) });
  prod.template('files').hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 10 })]) } });
  prod.template('web').hasResourceProperties('AWS::S3::Bucket', { LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }) });
});

test('nothing lost: scheduled and recurring jobs have a dead-letter queue, stream mappings an on-failure queue, SES events a redrive', () => {
  const resources = resourcesOf('jobs');
  const logicalId = (queue: CfnQueue) => Stack.of(prod.stacks.jobs).getLogicalId(queue);
  const failures = logicalId(prod.stacks.jobs.deadLetterQueues.jobFailures.node.defaultChild as CfnQueue);
  const mailFailures = logicalId(prod.stacks.jobs.deadLetterQueues.mailFeedback.node.defaultChild as CfnQueue);
  for (const job of jobNames) {
    const fn = prod.stacks.jobs.functions[job].function;
    const props = (prod.template('jobs').toJSON().Resources as Record<string, Resource>)[Stack.of(fn).getLogicalId(fn.node.defaultChild as never)]!.Properties;
    const kind = jobs[job].trigger.kind;
    if (kind === 'schedule' || kind === 'rate') {
      assert.deepEqual(props.DeadLetterConfig, { TargetArn: { 'Fn::GetAtt': [failures, 'Arn'] } }, `${job} (${kind})`);
    }
  }
  const mappings = resources.filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
  for (const mapping of mappings.filter((m) => JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'))) {
    assert.deepEqual(mapping.Properties.DestinationConfig, { OnFailure: { Destination: { 'Fn::GetAtt': [failures, 'Arn'] } } });
  }
  const feedback = resources.find((r) => r.Type === 'AWS::SQS::Queue' && r.Properties.RedrivePolicy)!;
  assert.deepEqual(feedback.Properties.RedrivePolicy, { deadLetterTargetArn: { 'Fn::GetAtt': [mailFailures, 'Arn'] }, maxReceiveCount: 5 });
  const subscription = resources.find((r) => r.Type === 'AWS::SNS::Subscription')!;
  assert.deepEqual(subscription.Properties.RedrivePolicy, { deadLetterTargetArn: { 'Fn::GetAtt': [mailFailures, 'Arn'] } });
});

test('alarms: each to the stage topic mailed to its address — Lambda errors and throttles, API 5xx and p99, DynamoDB, SES before its thresholds, dead letters, a stalled wave', () => {
  const monitoring = prod.template('monitoring');
  monitoring.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'astreinte@coopol.example' });
  const alarms = resourcesOf('monitoring').filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
  const topicId = Stack.of(prod.stacks.monitoring).getLogicalId(prod.stacks.monitoring.topic.node.defaultChild as never);
  for (const alarm of alarms) assert.deepEqual(alarm.Properties.AlarmActions, [{ Ref: topicId }]);
  const functionCount = Object.keys(prod.stacks.api.functions).length + jobNames.length + Object.keys(prod.stacks.auth.triggers).length + Object.keys(prod.stacks.realtime.functions).length + 2;
  const named = (metric: string) => alarms.filter((a) => a.Properties.MetricName === metric);
  assert.equal(named('Errors').length, functionCount, 'an errors alarm per function');
  assert.equal(named('Throttles').length, functionCount, 'a throttles alarm per function');
  const threshold = (metric: string) => named(metric)[0]?.Properties.Threshold as number;
  assert.ok(threshold('Reputation.BounceRate') < 0.05, 'before SES reviews the account at 5 % bounces');
  assert.ok(threshold('Reputation.ComplaintRate') < 0.001, 'before SES reviews the account at 0.1 % complaints');
  assert.equal(alarms.filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible').length, 2, 'one per dead-letter queue');
  const expressions = alarms.flatMap((a) => ((a.Properties.Metrics as { Expression?: string }[] | undefined) ?? []).map((m) => m.Expression).filter(Boolean));
  assert.ok(expressions.some((e) => /errors \/ requests/.test(e!)), 'API 5xx rate');
  assert.ok(expressions.some((e) => /reads \+ writes/.test(e!)), 'DynamoDB throttles');
  assert.ok(expressions.some((e) => /invocations > 0 AND FILL\(mails, 0\) == 0/.test(e!)), 'stalled wave');
  assert.equal(alarms.filter((a) => a.Properties.ExtendedStatistic === 'p99').length, 1, 'API p99 latency');
  monitoring.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  monitoring.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'coopol-prod' });
  monitoring.hasResourceProperties('AWS::Budgets::Budget', { Budget: Match.objectLike({ BudgetLimit: { Amount: 300, Unit: 'USD' }, TimeUnit: 'MONTHLY' }) });
});

test('recoverable: deletion protection on the table and the pool, PITR, versioned documents, TLS 1.2 (2021) on CloudFront', () => {
  prod.template('data').hasResource('AWS::DynamoDB::Table', {
    DeletionPolicy: 'Retain',
    Properties: Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
  });
  prod.template('auth').hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
  prod.template('files').hasResource('AWS::S3::Bucket', {
    DeletionPolicy: 'Retain',
    Properties: Match.objectLike({ VersioningConfiguration: { Status: 'Enabled' }, LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]) } }),
  });
  prod.template('web').hasResourceProperties('AWS::CloudFront::Distribution', {
    DistributionConfig: Match.objectLike({ ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }) }),
  });
});

test('Cognito: passwords of 12+ as the API asks, TOTP offered, threat protection chosen per stage (Plus plan when on)', () => {
  prod.template('auth').hasResourceProperties('AWS::Cognito::UserPool', {
    Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    MfaConfiguration: 'OPTIONAL',
    EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    UserPoolTier: 'ESSENTIALS',
  });
  synthesizeStage({ cognitoThreatProtection: 'enforced' })
    .template('auth')
    .hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
});

test('launch day: the wave sender is capped so its sign-ups stay under the stage’s Cognito UserCreation quota', () => {
  const fn = prod.stacks.jobs.functions['wave-sender'].function;
  const props = (prod.template('jobs').toJSON().Resources as Record<string, Resource>)[Stack.of(fn).getLogicalId(fn.node.defaultChild as never)]!.Properties;
  const cap = Number((props.Environment as { Variables: Record<string, string> }).Variables.WAVE_MAX_SEND_RATE);
  assert.equal(cap, waveSendRateCap(50, defaultLaunchSurge));
  const raised = synthesizeStage({ cognitoUserCreationRps: '200' }).stacks.jobs.functions['wave-sender'].function;
  const raisedProps = Stack.of(raised).resolve((raised.node.defaultChild as CfnFunction).environment) as { variables: Record<string, string> };
  assert.equal(Number(raisedProps.variables.WAVE_MAX_SEND_RATE), waveSendRateCap(200, defaultLaunchSurge));
  assert.ok(Number(raisedProps.variables.WAVE_MAX_SEND_RATE) > cap, 'a bought quota increase lets waves send faster');
});
