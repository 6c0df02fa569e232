import { build } from 'esbuild';
import type { FeatureAccess } from '../../infra/feature-access';
import { fromRepoRoot } from '../../infra/paths';

/** The modules that read configuration at load time, and the access that brings their variables. */
export const configModules: Record<string, keyof FeatureAccess> = {
  'functions/src/shared/dynamodb.ts': 'table',
  'functions/src/shared/cognito.ts': 'userPool',
  'functions/src/shared/mail.ts': 'mail',
  'functions/src/shared/files.ts': 'files',
  'functions/src/domain/access/options.ts': 'policy',
  'functions/src/shared/site.ts': 'site',
  'functions/src/domain/reports/ceilings.ts': 'reports',
  'functions/src/shared/scheduler.ts': 'scheduler',
  'functions/src/domain/mailings/service.ts': 'mailings',
  'functions/src/domain/messaging/mail-delay.ts': 'messageMail',
  'functions/src/domain/documents/quota.ts': 'documentQuota',
  'functions/src/shared/realtime-url.ts': 'realtime',
  'functions/src/shared/realtime-push.ts': 'realtime',
};

/**
 * The access a Lambda's bundle needs: the config modules esbuild pulls in from its entry (path
 * relative to the repository root). A module imported without its access would fail at cold start
 * (missing variable); access declared for a module never imported is a permission nobody uses.
 */
export async function accessNeededBy(entry: string): Promise<(keyof FeatureAccess)[]> {
  const result = await build({
    entryPoints: [fromRepoRoot(entry)],
    absWorkingDir: fromRepoRoot(),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const loaded = Object.keys(result.metafile.inputs);
  return Object.entries(configModules)
    .filter(([module]) => loaded.includes(module))
    .map(([, access]) => access)
    .sort();
}
