import { Duration, Stack } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, FunctionUrlAuthType, InvokeMode, Tracing, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag';
import { lambdaLogging, lambdaPlatform } from '../coopol-function';
import type { OpenNextFunctionBundle } from './open-next-output';
import type { NextStaticAssets } from './static-assets';

export interface NextServerFunctionProps {
  bundle: OpenNextFunctionBundle;
  assets: NextStaticAssets;
  /** Days its logs are kept. */
  logRetentionDays: number;
  /** Variables the app reads at request time (e.g. COOPOL_API_ORIGIN). */
  environment?: Record<string, string>;
  /** @default 1024 */
  memorySize?: number;
  /** @default Duration.seconds(30) */
  timeout?: Duration;
}

/**
 * The Next.js server (OpenNext's default function): renders pages and route handlers, reads and
 * writes the incremental cache in the assets bucket, answers CloudFront through a function URL
 * (streamed when the OpenNext wrapper streams).
 */
export class NextServerFunction extends Construct {
  readonly function: LambdaFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: NextServerFunctionProps) {
    super(scope, id);
    const { bundle, assets } = props;

    this.function = new LambdaFunction(this, 'Function', {
      description: 'Coopol web: Next.js server (OpenNext)',
      code: Code.fromAsset(bundle.directory),
      handler: bundle.handler,
      ...lambdaPlatform,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      ...lambdaLogging(this, props.logRetentionDays),
      environment: {
        // OpenNext's s3-lite incremental cache.
        CACHE_BUCKET_NAME: assets.bucket.bucketName,
        CACHE_BUCKET_KEY_PREFIX: assets.cacheKeyPrefix,
        CACHE_BUCKET_REGION: Stack.of(this).region,
        ...props.environment,
      },
    });
    assets.grantUnder(this.function, assets.cacheKeyPrefix, 'readwrite', 'OpenNext’s incremental cache (the site’s pages)');

    // Public URL, reached through CloudFront. Origin access control would need every POST (server
    // actions, forms) to carry a signed payload hash, which browsers do not send.
    acknowledge(this.function, 'Serverless-LambdaDLQ', 'invoked synchronously through its function URL by CloudFront: a failure is the viewer’s error page');
    this.url = this.function.addFunctionUrl({
      authType: FunctionUrlAuthType.NONE,
      invokeMode: bundle.streaming ? InvokeMode.RESPONSE_STREAM : InvokeMode.BUFFERED,
    });
  }
}
