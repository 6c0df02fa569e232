import { Annotations, Tags, type App, type StackProps } from 'aws-cdk-lib';
import { waveSendRateCap } from '../functions/src/domain/rollout/launch-capacity';
import type { StageConfig } from './config';
import { readOpenNextOutput } from './constructs/web/open-next-output';
import { fromRepoRoot } from './paths';
import { checkWithNag } from './nag';
import { ApiStack } from './stacks/api-stack';
import { AuthStack } from './stacks/auth-stack';
import { CdnLogsStack } from './stacks/cdn-logs-stack';
import { DataStack } from './stacks/data-stack';
import { EdgeStack } from './stacks/edge-stack';
import { FilesStack } from './stacks/files-stack';
import { JobsStack } from './stacks/jobs-stack';
import { MailStack } from './stacks/mail-stack';
import { MonitoringStack } from './stacks/monitoring-stack';
import { RealtimeStack } from './stacks/realtime-stack';
import { WebStack } from './stacks/web-stack';

export interface CoopolStacks {
  data: DataStack;
  auth: AuthStack;
  mail: MailStack;
  files: FilesStack;
  jobs: JobsStack;
  /** The live channel: the WebSocket API (ADR 0029). */
  realtime: RealtimeStack;
  api: ApiStack;
  web: WebStack;
  /** us-east-1: the WAF web ACL, when the stage has WAF on. */
  edge?: EdgeStack;
  /** us-east-1: CloudFront's standard logs. */
  cdnLogs: CdnLogsStack;
  monitoring: MonitoringStack;
}

/**
 * All of one stage's stacks. Stateful stacks (data, auth, mail, files) hold what must survive a
 * redeploy and are retained on delete; stateless ones (api, web) can be destroyed and recreated.
 * See docs/adr/0002-cdk-stacks-split.md.
 */
export function defineCoopolStage(app: App, config: StageConfig): CoopolStacks {
  const name = (stack: string) => `coopol-${config.stage}-${stack}`;
  // Explicit account and region: synth never looks anything up.
  const base: StackProps = { env: { account: config.account, region: config.region } };
  // CloudFront's web ACLs and log deliveries live in us-east-1.
  const global: StackProps = { env: { account: config.account, region: 'us-east-1' } };
  const days = config.logRetentionDays;
  // Read first: a missing web build fails the synth before any function is bundled.
  const openNext = readOpenNextOutput(fromRepoRoot(config.openNextPath));
  const domain = config.domainName && config.certificateArn ? { name: config.domainName, certificateArn: config.certificateArn } : undefined;
  // Links in mails. Without a domain or an explicit siteUrl the cloudfront.net name is unknown at synth:
  // the links point nowhere (example.invalid) until siteUrl is set after the first deploy — and synth says so.
  const siteUrl = config.siteUrl ?? (config.domainName ? `https://${config.domainName}` : 'https://example.invalid');

  const data = new DataStack(app, name('data'), { ...base, description: 'Coopol: DynamoDB table (stateful, retained)' });
  const mail = new MailStack(app, name('mail'), {
    ...base,
    description: 'Coopol: SES identity and configuration set (stateful)',
    mailFrom: config.mailFrom,
    domainName: config.domainName,
  });
  const files = new FilesStack(app, name('files'), {
    ...base,
    description: 'Coopol: documents bucket (stateful, retained)',
    accessLogDays: days.bucketAccess,
  });
  // After data, mail and files: the user pool mails through SES, and its triggers use the table.
  const auth = new AuthStack(app, name('auth'), {
    ...base,
    description: 'Coopol: Cognito user pool and its triggers (stateful, retained)',
    resources: {
      table: data.table,
      mail: { from: mail.mailFrom, identity: mail.identity, configurationSet: mail.configurationSet },
      filesBucket: files.bucket,
      filesBucketArn: files.bucketArnForOtherStacks,
      siteUrl,
      reportCeilings: config.reportCeilings,
      mailingApprovalThreshold: config.mailingApprovalThreshold,
      messageMailDelayMinutes: config.messageMailDelayMinutes,
    spaceDocumentQuotaMb: config.spaceDocumentQuotaMb,
      party: { name: config.partyName, address: config.partyAddress },
      logRetentionDays: days.functions,
    },
    mailDomain: config.domainName,
    config,
  });

  const baseResources = {
    table: data.table,
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
    mail: { from: mail.mailFrom, identity: mail.identity, configurationSet: mail.configurationSet },
    filesBucket: files.bucket,
    filesBucketArn: files.bucketArnForOtherStacks,
    siteUrl,
    reportCeilings: config.reportCeilings,
    mailingApprovalThreshold: config.mailingApprovalThreshold,
    messageMailDelayMinutes: config.messageMailDelayMinutes,
    spaceDocumentQuotaMb: config.spaceDocumentQuotaMb,
    party: { name: config.partyName, address: config.partyAddress },
    logRetentionDays: days.functions,
  };
  const realtime = new RealtimeStack(app, name('realtime'), {
    ...base,
    description: 'Coopol: the live channel, a WebSocket API (stateless)',
    resources: baseResources,
    config,
  });
  const resources = { ...baseResources, realtime: realtime.realtime };
  const jobs = new JobsStack(app, name('jobs'), {
    ...base,
    description: 'Coopol: background jobs (stream, SES events, schedules) (stateless)',
    resources,
    mailFeedbackTopic: mail.feedbackTopic,
    scheduleGroupName: `coopol-${config.stage}`,
    // The sign-ups a wave causes stay under Cognito's UserCreation quota (bench/launch-capacity.ts).
    environment: { 'wave-sender': { WAVE_MAX_SEND_RATE: String(waveSendRateCap(config.cognitoUserCreationRps, config.launchSurge)) } },
  });
  const api = new ApiStack(app, name('api'), {
    ...base,
    description: 'Coopol: HTTP API and feature Lambdas (stateless)',
    resources: { ...resources, scheduler: jobs.scheduler },
    config,
  });
  const edge = config.waf
    ? new EdgeStack(app, name('edge'), { ...global, description: 'Coopol: AWS WAF web ACL for CloudFront (us-east-1)', ratePerIp: config.wafRatePerIp, metricPrefix: name('waf') })
    : undefined;
  const web = new WebStack(app, name('web'), {
    ...base,
    description: 'Coopol: Next.js (OpenNext) behind CloudFront (stateless)',
    openNext,
    httpApi: api.httpApi,
    filesBucket: files.bucket,
    realtimeUrl: realtime.realtime.url,
    viewerKey: api.viewerKey,
    domain,
    logRetentionDays: days,
    webAclArn: edge?.webAcl.attrArn,
  });
  const cdnLogs = new CdnLogsStack(app, name('cdn-logs'), {
    ...global,
    description: 'Coopol: CloudFront standard logs, restricted and short-lived (us-east-1)',
    distributionArn: `arn:aws:cloudfront::${config.account}:distribution/${web.site.distribution.distributionId}`,
    expireAfterDays: days.cdn,
  });
  const monitoring = new MonitoringStack(app, name('monitoring'), {
    ...base,
    description: 'Coopol: alarms, dashboard and budget of the stage',
    config,
    functions: {
      ...Object.fromEntries(Object.entries(api.functions).map(([feature, fn]) => [`api/${feature}`, fn.function])),
      ...Object.fromEntries(Object.entries(jobs.functions).map(([job, fn]) => [`jobs/${job}`, fn.function])),
      ...Object.fromEntries(Object.entries(auth.triggers).map(([trigger, fn]) => [`auth/${trigger}`, fn.function])),
      ...Object.fromEntries(Object.entries(realtime.functions).map(([name, fn]) => [`realtime/${name}`, fn.function])),
      'web/server': web.site.server.function,
      'web/image-optimizer': web.site.imageOptimizer.function,
    },
    httpApi: api.httpApi,
    table: data.table,
    deadLetterQueues: { ...jobs.deadLetterQueues },
    waveSender: jobs.functions['wave-sender'].function,
  });

  if (siteUrl === 'https://example.invalid') {
    Annotations.of(jobs).addWarning('No domainName nor siteUrl: links in mails point to https://example.invalid. Set siteUrl (COOPOL_SITE_URL) to the site’s cloudfront.net address after the first deploy.');
  }
  if (!config.alarmEmail) {
    Annotations.of(monitoring).addWarning('No alarmEmail: the alarm topic has no subscriber. Set alarmEmail (COOPOL_ALARM_EMAIL).');
  }
  Tags.of(app).add('project', 'coopol');
  Tags.of(app).add('stage', config.stage);
  checkWithNag(app);
  return { data, auth, mail, files, jobs, realtime, api, web, edge, cdnLogs, monitoring };
}
