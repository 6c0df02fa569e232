import { z } from 'zod';
import { defaultReportCeilings, ReportCeilings } from '../functions/src/contracts/events';
import { logRetentionCeilingDays, type LogKind } from '../functions/src/contracts/log-retention';
import { defaultLaunchSurge, LaunchSurge } from '../functions/src/domain/rollout/launch-capacity';
import { CoopolSetupError } from './errors';

/**
 * One stage of Coopol in AWS (dev, staging, prod…): everything that differs between stages, and
 * nothing else. Read once from CDK context (`-c stage=prod -c account=123456789012`), falling back
 * to `COOPOL_*` environment variables, then to the defaults below. Invalid values fail the synth
 * with the field's name; there are no silent defaults for anything that could reach the wrong place.
 */
/** A JSON value from a `COOPOL_*` variable; objects from CDK context pass as they are. */
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);

/** `true`/`false` from context or a variable. */
const flag = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

/** CloudWatch Logs accepts these retentions only (days). */
const cloudWatchRetentions = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365] as const;

/** Days of retention for one kind of log: at most what the privacy page says (contracts/log-retention.ts). */
const retention = (kind: LogKind, cloudWatch: boolean) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(logRetentionCeilingDays[kind], `at most ${logRetentionCeilingDays[kind]} days: the privacy page says so (functions/src/contracts/log-retention.ts)`)
    .refine((days) => !cloudWatch || (cloudWatchRetentions as readonly number[]).includes(days), `one of CloudWatch's retentions: ${cloudWatchRetentions.join(', ')}`)
    .default(logRetentionCeilingDays[kind]);

export const StageConfig = z
  .object({
    /** Short name used in stack names and tags: `coopol-<stage>-data`. */
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,19}$/, 'lowercase letters, digits and dashes, 2 to 20 characters, starting with a letter')
      .default('dev'),
    /** The placeholder lets `cdk synth` run offline; a deploy with it fails on the account check. */
    account: z.string().regex(/^\d{12}$/, 'an AWS account id: 12 digits').default('000000000000'),
    /** Paris by default: members' data stays in France. */
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-3')
      .default('eu-west-3'),
    /** Public host name of the site (CloudFront alias). Without it the site answers on its cloudfront.net name. */
    domainName: z.hostname().optional(),
    /** ACM certificate for `domainName`; CloudFront only accepts certificates from us-east-1. */
    certificateArn: z
      .string()
      .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'an ACM certificate ARN in us-east-1')
      .optional(),
    /**
     * The site's public origin, for links in mails, when it is not `https://<domainName>` (e.g. the
     * cloudfront.net name after a first deploy without a domain).
     */
    siteUrl: z.url().optional(),
    /** Sender of every mail. SES verifies its domain when `domainName` is set, else this address alone. */
    mailFrom: z.email().default('ne-pas-repondre@coopol.example'),
    /** The party whose network this is: named, with its postal address, in the small print of every mail to many (functions/src/shared/party.ts). */
    partyName: z.string().min(2).max(80).default('Parti de démonstration'),
    partyAddress: z.string().min(2).max(160).default('1 place de l’Exemple, 00000 Fictiveville'),
    /**
     * The most one field report may give for each figure (JSON in COOPOL_REPORT_CEILINGS):
     * beyond it, the report is refused with the figure's name.
     */
    reportCeilings: json(ReportCeilings).default(defaultReportCeilings),
    /**
     * A federation's or the national level's message to more people than this needs a second
     * person's approval before it goes (the two-person rule for mass mail, ADR 0028).
     */
    mailingApprovalThreshold: z.coerce.number().int().min(0).default(5_000),
    /**
     * Minutes a message stays unread, its reader away (no live connection), before it is mailed to
     * them as their preference says (ADR 0029 § The offline mail).
     */
    messageMailDelayMinutes: z.coerce.number().int().min(1).max(1_440).default(15),
    /** Megabytes the shared documents of one space (a section, a federation, a group, the national level) may take. */
    spaceDocumentQuotaMb: z.coerce.number().int().min(1).max(1_000_000).default(500),
    /** Where the stage's alarms are mailed (an SNS e-mail subscription to confirm once). Without it the topic has no subscriber. */
    alarmEmail: z.email().optional(),
    /** AWS WAF in front of CloudFront (a us-east-1 stack): managed rule groups and a rate per address. @default true for prod only */
    waf: flag.optional(),
    /** Requests per five minutes from one address before WAF blocks it for a while (WAF's rate-based rule). */
    wafRatePerIp: z.coerce.number().int().min(10).max(2_000_000_000).default(1_000),
    /**
     * The HTTP API stage's default throttle (requests per second and burst), across all clients;
     * the sign-in, sign-up and other abuse-prone routes get tighter limits (infra/api-limits.ts).
     */
    apiThrottle: json(z.object({ rateLimit: z.number().int().min(1).max(10_000), burstLimit: z.number().int().min(1).max(5_000) })).default({ rateLimit: 500, burstLimit: 1_000 }),
    /** Days each kind of log is kept (JSON in COOPOL_LOG_RETENTION_DAYS): at most what the privacy page says. */
    logRetentionDays: json(
      z.object({
        functions: retention('functions', true),
        apiAccess: retention('apiAccess', true),
        cdn: retention('cdn', false),
        bucketAccess: retention('bucketAccess', false),
      }),
    ).default({ ...logRetentionCeilingDays }),
    /** A budget alarm on the account's monthly cost, in US dollars (AWS Budgets counts in USD). */
    monthlyBudgetUsd: z.coerce.number().positive().max(1_000_000).default(300),
    /**
     * Cognito threat protection (Plus plan, billed per active user: ADR 0020): `off`, `audit` (scores
     * sign-ins, blocks nothing) or `enforced`.
     */
    cognitoThreatProtection: z.enum(['off', 'audit', 'enforced']).default('off'),
    /**
     * Cognito's UserCreation quota for the account and region, in requests per second (50 by
     * default; raise it when AWS grants an increase). A wave's sending rate is capped so that the
     * sign-ups it causes stay under it (functions/src/domain/rollout/launch-capacity.ts).
     */
    cognitoUserCreationRps: z.coerce.number().positive().max(10_000).default(50),
    /** How people answer a launch mail (JSON in COOPOL_LAUNCH_SURGE): opening rate, sign-up share, click-through curve. */
    launchSurge: json(LaunchSurge).default(defaultLaunchSurge),
    /** OpenNext's build output (`npm run build:web:aws`), relative to the repository root or absolute. */
    openNextPath: z.string().min(1).default('web/.open-next'),
  })
  .superRefine((config, ctx) => {
    if (config.domainName && !config.certificateArn) {
      ctx.addIssue({ code: 'custom', path: ['certificateArn'], message: 'required when domainName is set' });
    }
    if (config.certificateArn && !config.domainName) {
      ctx.addIssue({ code: 'custom', path: ['domainName'], message: 'required when certificateArn is set' });
    }
    if (config.domainName && !config.mailFrom.endsWith(`@${config.domainName}`)) {
      ctx.addIssue({ code: 'custom', path: ['mailFrom'], message: `must be an address of ${config.domainName}` });
    }
  })
  // WAF costs a few dollars a month: on in prod unless said otherwise, off elsewhere unless asked.
  .transform((config) => ({ ...config, waf: config.waf ?? config.stage === 'prod' }));
export type StageConfig = z.infer<typeof StageConfig>;

type Field = keyof z.input<typeof StageConfig>;

/** Where each field may come from: CDK context key (same as the field) and environment variable. */
export const stageConfigEnv: Record<Field, string> = {
  stage: 'COOPOL_STAGE',
  account: 'COOPOL_ACCOUNT',
  region: 'COOPOL_REGION',
  domainName: 'COOPOL_DOMAIN_NAME',
  certificateArn: 'COOPOL_CERTIFICATE_ARN',
  siteUrl: 'COOPOL_SITE_URL',
  mailFrom: 'COOPOL_MAIL_FROM',
  partyName: 'COOPOL_PARTY_NAME',
  partyAddress: 'COOPOL_PARTY_ADDRESS',
  openNextPath: 'COOPOL_OPEN_NEXT_PATH',
  reportCeilings: 'COOPOL_REPORT_CEILINGS',
  mailingApprovalThreshold: 'COOPOL_MAILING_APPROVAL_THRESHOLD',
  messageMailDelayMinutes: 'COOPOL_MESSAGE_MAIL_DELAY_MINUTES',
  spaceDocumentQuotaMb: 'COOPOL_SPACE_DOCUMENT_QUOTA_MB',
  alarmEmail: 'COOPOL_ALARM_EMAIL',
  waf: 'COOPOL_WAF',
  wafRatePerIp: 'COOPOL_WAF_RATE_PER_IP',
  apiThrottle: 'COOPOL_API_THROTTLE',
  logRetentionDays: 'COOPOL_LOG_RETENTION_DAYS',
  monthlyBudgetUsd: 'COOPOL_MONTHLY_BUDGET_USD',
  cognitoThreatProtection: 'COOPOL_COGNITO_THREAT_PROTECTION',
  cognitoUserCreationRps: 'COOPOL_COGNITO_USER_CREATION_RPS',
  launchSurge: 'COOPOL_LAUNCH_SURGE',
};

/**
 * Reads the stage config: CDK context first, then the environment. Empty strings count as unset,
 * so `COOPOL_DOMAIN_NAME=` does not turn into an invalid domain.
 */
export function readStageConfig(
  context: (key: string) => unknown,
  env: Record<string, string | undefined> = process.env,
): StageConfig {
  const raw: Record<string, unknown> = {};
  for (const [field, variable] of Object.entries(stageConfigEnv)) {
    const value = context(field) ?? env[variable];
    if (value !== undefined && value !== '') raw[field] = value;
  }
  const parsed = StageConfig.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const top = issue.path[0] as Field;
      const source = stageConfigEnv[top] ? ` (context "${top}" or env ${stageConfigEnv[top]})` : '';
      return `${field}: ${issue.message}${source}`;
    });
    throw new CoopolSetupError(`Invalid stage config: ${problems.join('; ')}`);
  }
  return parsed.data;
}
