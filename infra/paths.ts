import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: CDK resolves function entries and the OpenNext output from here, whatever the cwd. */
export const repoRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export function fromRepoRoot(...segments: string[]): string {
  return path.resolve(repoRoot, ...segments);
}
