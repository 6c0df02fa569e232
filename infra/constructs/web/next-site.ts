import type { BehaviorOptions, Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { NextDistribution } from './distribution';
import { NextImageOptimizer } from './image-optimizer';
import type { OpenNextOutput } from './open-next-output';
import { NextServerFunction } from './server-function';
import { NextStaticAssets } from './static-assets';

export interface NextSiteProps {
  /** OpenNext's build output, from `readOpenNextOutput('<path>/.open-next')` (`npm run build:web:aws`). */
  openNext: OpenNextOutput;
  /** Variables the Next.js server reads at request time. @default {} */
  serverEnvironment?: Record<string, string>;
  /** CloudFront behaviors that take precedence over Next's (e.g. `/api/*`). @default {} */
  additionalBehaviors?: Record<string, BehaviorOptions>;
  /** @default the cloudfront.net name only */
  domain?: { name: string; certificateArn: string };
  /** Days the functions' logs and the assets bucket's access logs are kept. */
  logRetentionDays: { functions: number; bucketAccess: number };
  /** AWS WAF web ACL in front of the distribution (us-east-1 ARN). @default none */
  webAclArn?: string;
}

/**
 * A Next.js app built by OpenNext, on Lambda behind CloudFront, composed of small parts that can
 * be used alone: static assets (S3), server function, image optimizer, distribution.
 */
export class NextSite extends Construct {
  readonly assets: NextStaticAssets;
  readonly server: NextServerFunction;
  readonly imageOptimizer: NextImageOptimizer;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: NextSiteProps) {
    super(scope, id);
    const output = props.openNext;

    const days = props.logRetentionDays;
    this.assets = new NextStaticAssets(this, 'Assets', { output, accessLogDays: days.bucketAccess, logRetentionDays: days.functions });
    this.server = new NextServerFunction(this, 'Server', {
      bundle: output.server,
      assets: this.assets,
      environment: props.serverEnvironment,
      logRetentionDays: days.functions,
    });
    this.imageOptimizer = new NextImageOptimizer(this, 'ImageOptimizer', { bundle: output.imageOptimizer, assets: this.assets, logRetentionDays: days.functions });
    this.distribution = new NextDistribution(this, 'Cdn', {
      behaviors: output.behaviors,
      server: this.server,
      imageOptimizer: this.imageOptimizer,
      assets: this.assets,
      additionalBehaviors: props.additionalBehaviors,
      domain: props.domain,
      webAclArn: props.webAclArn,
    }).distribution;
    // Files go up once the new functions are live; then the distribution forgets the old build.
    this.assets.deploy({ distribution: this.distribution, after: [this.server.function, this.imageOptimizer.function] });
  }
}
