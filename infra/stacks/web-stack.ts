import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { NextSite } from '../constructs/web/next-site';
import type { OpenNextOutput } from '../constructs/web/open-next-output';

export interface WebStackProps extends StackProps {
  /** OpenNext's build output (`readOpenNextOutput`). */
  openNext: OpenNextOutput;
  httpApi: IHttpApi;
  /** The documents bucket: pages allow the browser to upload to it and read from it (CSP). */
  filesBucket: IBucket;
  domain?: { name: string; certificateArn: string };
}

/**
 * Stateless: the web app and the site's single origin. Browsers reach pages and `/api/*` on the same
 * host (as locally, where Next proxies `/api/*` to the local gateway); the Next.js server calls the
 * HTTP API directly (COOPOL_API_ORIGIN), without a round trip through CloudFront.
 */
export class WebStack extends Stack {
  readonly site: NextSite;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    const apiOrigin = `https://${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;

    this.site = new NextSite(this, 'Site', {
      openNext: props.openNext,
      serverEnvironment: { COOPOL_API_ORIGIN: apiOrigin, COOPOL_FILES_ORIGIN: `https://${props.filesBucket.bucketRegionalDomainName}` },
      domain: props.domain,
      additionalBehaviors: {
        // The API decides everything: no caching, every method, every viewer header but Host
        // (API Gateway routes on its own host name), so Authorization reaches the JWT authorizer.
        '/api/*': {
          origin: new HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });

    new CfnOutput(this, 'SiteUrl', {
      value: props.domain ? `https://${props.domain.name}` : `https://${this.site.distribution.distributionDomainName}`,
    });
  }
}
