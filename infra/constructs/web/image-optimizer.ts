import { Duration, Stack } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, FunctionUrlAuthType, Tracing, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag';
import { lambdaLogging, lambdaPlatform } from '../coopol-function';
import type { OpenNextFunctionBundle } from './open-next-output';
import type { NextStaticAssets } from './static-assets';

export interface NextImageOptimizerProps {
  bundle: OpenNextFunctionBundle;
  assets: NextStaticAssets;
  /** Days its logs are kept. */
  logRetentionDays: number;
  /** @default 1536 (sharp is CPU-bound; Lambda gives CPU in proportion to memory) */
  memorySize?: number;
}

/**
 * `/_next/image`: resizes the site's own images (read from the assets bucket) with sharp, built for
 * linux-arm64 by `npm run build:web:aws`. Its responses are cached by CloudFront.
 */
export class NextImageOptimizer extends Construct {
  readonly function: LambdaFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: NextImageOptimizerProps) {
    super(scope, id);
    const { bundle, assets } = props;

    this.function = new LambdaFunction(this, 'Function', {
      description: 'Coopol web: Next.js image optimization (OpenNext)',
      code: Code.fromAsset(bundle.directory),
      handler: bundle.handler,
      ...lambdaPlatform,
      memorySize: props.memorySize ?? 1536,
      timeout: Duration.seconds(25),
      tracing: Tracing.ACTIVE,
      ...lambdaLogging(this, props.logRetentionDays),
      environment: {
        // OpenNext's s3-lite image loader.
        BUCKET_NAME: assets.bucket.bucketName,
        BUCKET_KEY_PREFIX: assets.assetsKeyPrefix,
        BUCKET_REGION: Stack.of(this).region,
      },
    });
    assets.grantUnder(this.function, assets.assetsKeyPrefix, 'read', 'the site’s own images');

    acknowledge(this.function, 'Serverless-LambdaDLQ', 'invoked synchronously through its function URL by CloudFront: a failure is the viewer’s error page');
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}
