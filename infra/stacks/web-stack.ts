import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { NextSite } from '../constructs/web/next-site';
import type { OpenNextOutput } from '../constructs/web/open-next-output';

export interface WebStackProps extends StackProps {
  /** OpenNext's build output (`readOpenNextOutput`). */
  openNext: OpenNextOutput;
  httpApi: IHttpApi;
  /** The documents bucket: pages allow the browser to upload to it and read from it (CSP). */
  filesBucket: IBucket;
  /** The live channel's WebSocket URL: pages may connect to it (CSP). */
  realtimeUrl: string;
  /** The key the site's server signs the browser's address with for the API (web/lib/viewer.ts). */
  viewerKey: ISecret;
  domain?: { name: string; certificateArn: string };
  logRetentionDays: { functions: number; bucketAccess: number };
  /** The edge stack's web ACL, when the stage has WAF on. */
  webAclArn?: string;
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

    const viewerAddress = new CloudFrontFunction(this, 'ApiViewerAddress', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Writes the viewer address into x-coopol-viewer-ip for the API',
      code: FunctionCode.fromInline(
        'function handler(event) { var request = event.request; delete request.headers["x-coopol-edge"]; request.headers["x-coopol-viewer-ip"] = { value: event.viewer.ip }; return request; }',
      ),
    });

    this.site = new NextSite(this, 'Site', {
      openNext: props.openNext,
      serverEnvironment: {
        COOPOL_API_ORIGIN: apiOrigin,
        COOPOL_FILES_ORIGIN: `https://${props.filesBucket.bucketRegionalDomainName}`,
        COOPOL_REALTIME_URL: props.realtimeUrl,
        COOPOL_VIEWER_KEY: props.viewerKey.secretValue.unsafeUnwrap(),
      },
      domain: props.domain,
      logRetentionDays: props.logRetentionDays,
      webAclArn: props.webAclArn,
      additionalBehaviors: {
        // The API decides everything: no caching, every method, every viewer header but Host
        // (API Gateway routes on its own host name), so Authorization reaches the JWT authorizer.
        // The browser's address for the API's per-client limits: written here (never the viewer's
        // word) and vouched for by the key only CloudFront and the API know (client-of-event.ts).
        '/api/*': {
          origin: new HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { 'x-coopol-edge': props.viewerKey.secretValue.unsafeUnwrap() },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    new CfnOutput(this, 'SiteUrl', {
      value: props.domain ? `https://${props.domain.name}` : `https://${this.site.distribution.distributionDomainName}`,
    });
  }
}
