import { z } from 'zod';
import { defaultReportCeilings, ReportCeilings } from '../functions/src/contracts/events';
import { CoopolSetupError } from './errors';

/**
 * One stage of Coopol in AWS (dev, staging, prod…): everything that differs between stages, and
 * nothing else. Read once from CDK context (`-c stage=prod -c account=123456789012`), falling back
 * to `COOPOL_*` environment variables, then to the defaults below. Invalid values fail the synth
 * with the field's name; there are no silent defaults for anything that could reach the wrong place.
 */
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
    /**
     * The most one field report may give for each figure (JSON in COOPOL_REPORT_CEILINGS):
     * beyond it, the report is refused with the figure's name.
     */
    reportCeilings: z
      .preprocess((value) => {
        if (typeof value !== 'string') return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return value;
        }
      }, ReportCeilings)
      .default(defaultReportCeilings),
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
  });
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
  openNextPath: 'COOPOL_OPEN_NEXT_PATH',
  reportCeilings: 'COOPOL_REPORT_CEILINGS',
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
      const field = issue.path.join('.') as Field;
      const source = stageConfigEnv[field] ? ` (context "${field}" or env ${stageConfigEnv[field]})` : '';
      return `${field}: ${issue.message}${source}`;
    });
    throw new CoopolSetupError(`Invalid stage config: ${problems.join('; ')}`);
  }
  return parsed.data;
}
