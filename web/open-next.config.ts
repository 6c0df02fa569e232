import type { OpenNextConfig } from '@opennextjs/aws/types/open-next';

/**
 * How OpenNext packages the site for AWS (`npm run build:web:aws`, deployed by infra/stacks/web-stack.ts,
 * see docs/adr/0003-open-next-on-cloudfront.md). Only what the web stack deploys: one server
 * function, the image optimizer and static files — no warmer, no revalidation queue, no tag table.
 */
const config = {
  default: {
    override: {
      // Streams React Server Components through a Lambda function URL (RESPONSE_STREAM).
      wrapper: 'aws-lambda-streaming',
      converter: 'aws-apigw-v2',
      // Prerendered pages and the fetch cache live in the assets bucket under `_cache/`.
      incrementalCache: 's3-lite',
      // ISR revalidation runs in the server function itself, not through an SQS queue.
      queue: 'direct',
      // No revalidateTag/revalidatePath: pages read the API at request time.
      tagCache: 'dummy',
    },
  },
  imageOptimization: {
    loader: 's3-lite',
    // sharp for the Lambda's platform (linux, arm64), installed from the npm registry only.
    install: { packages: ['sharp@0.35.5'], os: 'linux', libc: 'glibc', additionalArgs: '--cpu=arm64' },
  },
  dangerous: { disableTagCache: true },
  // Run from the repository root, whose package.json holds Next.js.
  buildCommand: 'npm run build:web',
} satisfies OpenNextConfig;

export default config;
