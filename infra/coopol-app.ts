import { Annotations, Tags, type App, type StackProps } from 'aws-cdk-lib';
import type { StageConfig } from './config';
import { readOpenNextOutput } from './constructs/web/open-next-output';
import { fromRepoRoot } from './paths';
import { ApiStack } from './stacks/api-stack';
import { AuthStack } from './stacks/auth-stack';
import { DataStack } from './stacks/data-stack';
import { FilesStack } from './stacks/files-stack';
import { JobsStack } from './stacks/jobs-stack';
import { MailStack } from './stacks/mail-stack';
import { WebStack } from './stacks/web-stack';

export interface CoopolStacks {
  data: DataStack;
  auth: AuthStack;
  mail: MailStack;
  files: FilesStack;
  jobs: JobsStack;
  api: ApiStack;
  web: WebStack;
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
  const files = new FilesStack(app, name('files'), { ...base, description: 'Coopol: documents bucket (stateful, retained)' });
  // After data, mail and files: the user pool mails through SES, and its triggers use the table.
  const auth = new AuthStack(app, name('auth'), {
    ...base,
    description: 'Coopol: Cognito user pool and its triggers (stateful, retained)',
    resources: {
      table: data.table,
      mail: { from: mail.mailFrom, identity: mail.identity, configurationSet: mail.configurationSet },
      filesBucket: files.bucket,
      siteUrl,
      reportCeilings: config.reportCeilings,
    },
    mailDomain: config.domainName,
  });

  const resources = {
    table: data.table,
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
    mail: { from: mail.mailFrom, identity: mail.identity, configurationSet: mail.configurationSet },
    filesBucket: files.bucket,
    siteUrl,
    reportCeilings: config.reportCeilings,
  };
  const jobs = new JobsStack(app, name('jobs'), {
    ...base,
    description: 'Coopol: background jobs (stream, SES events, schedules) (stateless)',
    resources,
    mailFeedbackTopic: mail.feedbackTopic,
    scheduleGroupName: `coopol-${config.stage}`,
  });
  const api = new ApiStack(app, name('api'), {
    ...base,
    description: 'Coopol: HTTP API and feature Lambdas (stateless)',
    resources: { ...resources, scheduler: jobs.scheduler },
  });
  const web = new WebStack(app, name('web'), {
    ...base,
    description: 'Coopol: Next.js (OpenNext) behind CloudFront (stateless)',
    openNext,
    httpApi: api.httpApi,
    filesBucket: files.bucket,
    viewerKey: api.viewerKey,
    domain,
  });

  if (siteUrl === 'https://example.invalid') {
    Annotations.of(jobs).addWarning('No domainName nor siteUrl: links in mails point to https://example.invalid. Set siteUrl (COOPOL_SITE_URL) to the site’s cloudfront.net address after the first deploy.');
  }
  Tags.of(app).add('project', 'coopol');
  Tags.of(app).add('stage', config.stage);
  return { data, auth, mail, files, jobs, api, web };
}
