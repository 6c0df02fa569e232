import { Duration } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  Function as CloudFrontFunction,
  FunctionRuntime,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag';
import { chooseBrotliFunctionCode } from '../../web/brotli-scripts';
import type { NextImageOptimizer } from './image-optimizer';
import type { OpenNextOrigin, OpenNextOutput } from './open-next-output';
import type { NextServerFunction } from './server-function';
import type { NextStaticAssets } from './static-assets';

export interface NextDistributionProps {
  behaviors: OpenNextOutput['behaviors'];
  server: NextServerFunction;
  imageOptimizer: NextImageOptimizer;
  assets: NextStaticAssets;
  /** Behaviors placed before Next's own (e.g. `/api/*` to the HTTP API). @default {} */
  additionalBehaviors?: Record<string, BehaviorOptions>;
  /** Custom host name and its us-east-1 ACM certificate. @default the cloudfront.net name only */
  domain?: { name: string; certificateArn: string };
  /** The AWS WAF web ACL (a us-east-1 ARN) in front of the distribution. @default none */
  webAclArn?: string;
}

/**
 * The site's single origin for browsers: Next's server by default, static files from S3, images
 * from the optimizer, plus whatever `additionalBehaviors` routes elsewhere — in that precedence.
 */
export class NextDistribution extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: NextDistributionProps) {
    super(scope, id);

    // The server sees the viewer's host (for redirects and the server-actions origin check) although
    // CloudFront sends the function URL's host to the origin; and the viewer's address, which it
    // signs for the API's per-client limits (web/lib/viewer.ts) — overwritten here, never the viewer's word.
    const forwardHost = new CloudFrontFunction(this, 'ForwardHost', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Copies Host into x-forwarded-host and the viewer address into x-coopol-viewer-ip',
      code: FunctionCode.fromInline(
        'function handler(event) { var request = event.request; request.headers["x-forwarded-host"] = { value: request.headers.host.value }; request.headers["x-coopol-viewer-ip"] = { value: event.viewer.ip }; return request; }',
      ),
    });

    // Next decides what may be cached (Cache-Control); the key holds what its responses vary on.
    const serverCachePolicy = new CachePolicy(this, 'ServerCachePolicy', {
      comment: 'Coopol web: Next.js server responses',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.allowList(
        'accept',
        'rsc',
        'next-router-prefetch',
        'next-router-state-tree',
        'next-router-segment-prefetch',
        'next-url',
        'x-prerender-revalidate',
      ),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const imageCachePolicy = new CachePolicy(this, 'ImageCachePolicy', {
      comment: 'Coopol web: optimized images',
      defaultTtl: Duration.days(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.allowList('accept'),
      cookieBehavior: CacheCookieBehavior.none(),
    });

    const server: BehaviorOptions = {
      origin: new FunctionUrlOrigin(props.server.url),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachedMethods: CachedMethods.CACHE_GET_HEAD_OPTIONS,
      cachePolicy: serverCachePolicy,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
      functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
    };
    const image: BehaviorOptions = {
      origin: new FunctionUrlOrigin(props.imageOptimizer.url),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: imageCachePolicy,
      compress: true,
    };
    // Build scripts go precompressed at brotli 11 to a browser that takes brotli (ADR 0026); the rest
    // CloudFront compresses itself.
    const chooseBrotli = new CloudFrontFunction(this, 'ChooseBrotli', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Sends the brotli-11 copy of a build script to a browser that accepts brotli',
      code: FunctionCode.fromInline(chooseBrotliFunctionCode),
    });
    const staticFiles: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(props.assets.bucket, { originPath: `/${props.assets.assetsKeyPrefix}` }),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      compress: true,
      functionAssociations: [{ function: chooseBrotli, eventType: FunctionEventType.VIEWER_REQUEST }],
    };
    const byOrigin: Record<OpenNextOrigin, BehaviorOptions> = { default: server, imageOptimizer: image, s3: staticFiles };

    // Insertion order is CloudFront's precedence order.
    const additionalBehaviors: Record<string, BehaviorOptions> = { ...props.additionalBehaviors };
    for (const behavior of props.behaviors) {
      additionalBehaviors[behavior.pattern] ??= byOrigin[behavior.origin];
    }

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Coopol web',
      defaultBehavior: server,
      additionalBehaviors,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Members are in France and Europe; the cheapest class covers them.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.webAclArn && { webAclId: props.webAclArn }),
      ...(props.domain && {
        domainNames: [props.domain.name],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
    });
    acknowledge(this.distribution, 'AwsSolutions-CFR1', 'no geo restriction: members abroad have their own federation, and visitors may come from anywhere');
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR3',
      'standard logs go through CloudWatch’s log delivery (the cdn-logs stack), which can leave out query strings and cookies; the legacy logging setting this rule reads cannot',
    );
    if (!props.domain) {
      acknowledge(this.distribution, 'AwsSolutions-CFR4', 'without domainName the site answers on its cloudfront.net certificate, whose protocols CloudFront fixes; set domainName (prod) for TLS 1.2_2021');
    }
    if (!props.webAclArn) {
      acknowledge(this.distribution, 'AwsSolutions-CFR2', 'this stage’s config turns WAF off (`waf`, on by default in prod only)');
    }
  }
}
