import { Duration, Stack } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, FunctionUrlAuthType, Tracing, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
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
    assets.bucket.grantRead(this.function, `${assets.assetsKeyPrefix}/*`);
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:GetObject*]', 'reads the site’s own images (GetObject and their attributes) under the assets prefix only');
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:GetBucket*]', 'the S3 client reads the bucket’s location and settings; the assets bucket only');
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:List*]', 'a missing image is a 404, not a 403; the assets bucket only');
    acknowledge(
      this.function.role!,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(assets.bucket.node.defaultChild as CfnBucket)}.Arn>/${assets.assetsKeyPrefix}/*]`,
      'any of the site’s images under the assets prefix, nothing else',
    );

    acknowledge(this.function, 'Serverless-LambdaDLQ', 'invoked synchronously through its function URL by CloudFront: a failure is the viewer’s error page');
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}
