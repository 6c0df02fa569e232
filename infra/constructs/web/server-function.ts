import { Duration, Stack } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, FunctionUrlAuthType, InvokeMode, Tracing, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
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
    assets.bucket.grantReadWrite(this.function, `${assets.cacheKeyPrefix}/*`);
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:GetObject*]', 'OpenNext’s incremental cache reads its entries (GetObject and their attributes) under the cache prefix only');
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:GetBucket*]', 'the S3 client reads the bucket’s location and settings; the assets bucket only');
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:List*]', 'OpenNext lists its cache entries; the assets bucket only');
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', 'OpenNext revalidation replaces cache entries under the cache prefix only');
    acknowledge(this.function.role!, 'AwsSolutions-IAM5[Action::s3:Abort*]', 'large cache entries are written in parts; an aborted upload is cleaned up');
    acknowledge(
      this.function.role!,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(assets.bucket.node.defaultChild as CfnBucket)}.Arn>/${assets.cacheKeyPrefix}/*]`,
      'the incremental cache’s keys are the site’s pages: any key under the cache prefix, nothing else',
    );

    // Public URL, reached through CloudFront. Origin access control would need every POST (server
    // actions, forms) to carry a signed payload hash, which browsers do not send.
    acknowledge(this.function, 'Serverless-LambdaDLQ', 'invoked synchronously through its function URL by CloudFront: a failure is the viewer’s error page');
    this.url = this.function.addFunctionUrl({
      authType: FunctionUrlAuthType.NONE,
      invokeMode: bundle.streaming ? InvokeMode.RESPONSE_STREAM : InvokeMode.BUFFERED,
    });
  }
}
