import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CoopolSetupError } from '../../errors';

/**
 * The part of OpenNext's build manifest (`.open-next/open-next.output.json`, written by
 * `open-next build`, @opennextjs/aws 4.x) that the web constructs deploy: the server and image
 * functions, the static files and their CloudFront behaviors. Paths in the manifest are relative
 * to the folder holding `.open-next`.
 */
const FunctionOrigin = z.object({
  type: z.literal('function'),
  handler: z.string().min(1),
  bundle: z.string().min(1),
  streaming: z.boolean().optional(),
});

const Manifest = z.object({
  edgeFunctions: z.record(z.string(), z.unknown()).default({}),
  origins: z
    .object({
      s3: z.object({
        type: z.literal('s3'),
        originPath: z.string(),
        copy: z.array(
          z.object({ from: z.string(), to: z.string(), cached: z.boolean(), versionedSubDir: z.string().optional() }),
        ),
      }),
      imageOptimizer: FunctionOrigin,
      default: FunctionOrigin,
    })
    .catchall(z.unknown()),
  behaviors: z.array(z.object({ pattern: z.string().min(1), origin: z.string().optional(), edgeFunction: z.string().optional() })),
});

export type OpenNextOrigin = 'default' | 'imageOptimizer' | 's3';

export interface OpenNextFunctionBundle {
  /** Absolute path of the folder to zip. */
  directory: string;
  handler: string;
  streaming: boolean;
}

export interface OpenNextOutput {
  /** Absolute path of the `.open-next` folder. */
  directory: string;
  server: OpenNextFunctionBundle;
  imageOptimizer: OpenNextFunctionBundle;
  /** Key prefix of the static files in the bucket (CloudFront's origin path for them). */
  assetsKeyPrefix: string;
  /** Folders to upload to the bucket; `versionedSubDir` holds content-hashed files that never change. */
  uploads: { directory: string; keyPrefix: string; cached: boolean; versionedSubDir?: string }[];
  /** CloudFront path patterns, most specific first, without the default `*`. */
  behaviors: { pattern: string; origin: OpenNextOrigin }[];
}

const manifestFile = 'open-next.output.json';

/** Reads and checks OpenNext's build output; fails with the command to run when it is missing. */
export function readOpenNextOutput(openNextDirectory: string): OpenNextOutput {
  const manifestPath = path.join(openNextDirectory, manifestFile);
  if (!existsSync(manifestPath)) {
    throw new CoopolSetupError(
      `OpenNext build output not found (${manifestPath}): run \`npm run build:web:aws\` before \`cdk synth\`/\`cdk deploy\`.`,
    );
  }
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) {
    throw new CoopolSetupError(`Unexpected ${manifestPath} (is @opennextjs/aws still 4.x?): ${parsed.error.issues[0]?.message}`);
  }
  const manifest = parsed.data;

  const extraOrigins = Object.keys(manifest.origins).filter((name) => !['s3', 'imageOptimizer', 'default'].includes(name));
  if (extraOrigins.length > 0 || Object.keys(manifest.edgeFunctions).length > 0) {
    throw new CoopolSetupError(
      `web/open-next.config.ts declares split or edge functions (${[...extraOrigins, ...Object.keys(manifest.edgeFunctions)].join(', ')}), which the web stack does not deploy.`,
    );
  }

  // Manifest paths start with `.open-next/`; resolve them inside the folder we were given, whatever its name.
  const resolve = (relative: string): string => {
    const absolute = path.join(openNextDirectory, relative.replace(/^\.open-next\/?/, ''));
    if (!existsSync(absolute)) throw new CoopolSetupError(`OpenNext build output is incomplete: ${absolute} is missing; rerun \`npm run build:web:aws\`.`);
    return absolute;
  };
  const bundle = (origin: z.infer<typeof FunctionOrigin>): OpenNextFunctionBundle => ({
    directory: resolve(origin.bundle),
    handler: origin.handler,
    streaming: origin.streaming ?? false,
  });

  return {
    directory: openNextDirectory,
    server: bundle(manifest.origins.default),
    imageOptimizer: bundle(manifest.origins.imageOptimizer),
    assetsKeyPrefix: manifest.origins.s3.originPath,
    uploads: manifest.origins.s3.copy.map((copy) => ({
      directory: resolve(copy.from),
      keyPrefix: copy.to,
      cached: copy.cached,
      versionedSubDir: copy.versionedSubDir,
    })),
    behaviors: manifest.behaviors
      .filter((behavior) => behavior.pattern !== '*')
      .map((behavior) => {
        if (behavior.origin !== 'default' && behavior.origin !== 'imageOptimizer' && behavior.origin !== 's3') {
          throw new CoopolSetupError(`OpenNext behavior ${behavior.pattern} targets an origin the web stack does not deploy (${behavior.origin}).`);
        }
        return { pattern: behavior.pattern, origin: behavior.origin };
      }),
  };
}
