import { Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnDelivery, CfnDeliveryDestination, CfnDeliverySource } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { LogBucket } from '../constructs/log-bucket';

export interface CdnLogsStackProps extends StackProps {
  /** The web stack's distribution (`arn:aws:cloudfront::<account>:distribution/<id>`). */
  distributionArn: string;
  /** Days the logs are kept (the stage's `logRetentionDays.cdn`). */
  expireAfterDays: number;
}

/**
 * The fields CloudFront's standard logs keep: what answered, how and how fast. Never the query
 * string (sign-up links carry an address), cookies, the viewer's address, user agent, referer or
 * forwarded-for. Paths stay, and some hold a capability token (calendar feeds, unsubscribe links):
 * hence their own bucket, read by operators only, and a few days' retention.
 */
export const cdnLogFields = [
  'timestamp',
  'x-edge-location',
  'x-edge-request-id',
  'x-host-header',
  'cs-method',
  'cs-uri-stem',
  'sc-status',
  'x-edge-result-type',
  'x-edge-response-result-type',
  'time-taken',
  'sc-bytes',
  'cs-protocol',
  'cs-protocol-version',
  'ssl-protocol',
] as const;

/**
 * us-east-1, as CloudFront's log delivery requires: the site's standard logs (v2, through CloudWatch
 * Logs delivery, which chooses the fields) into a restricted bucket that expires them.
 */
export class CdnLogsStack extends Stack {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: CdnLogsStackProps) {
    super(scope, id, props);
    this.bucket = new LogBucket(this, 'Logs', { holds: 'CloudFront’s standard logs', expireAfterDays: props.expireAfterDays }).bucket;
    // Log delivery writes as the logs service, for this account's deliveries only.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`AWSLogs/${this.account}/CloudFront/*`)],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    );

    const source = new CfnDeliverySource(this, 'Source', { name: `${this.stackName}-source`, resourceArn: props.distributionArn, logType: 'ACCESS_LOGS' });
    const destination = new CfnDeliveryDestination(this, 'Destination', {
      name: `${this.stackName}-s3`,
      destinationResourceArn: this.bucket.bucketArn,
      outputFormat: 'json',
    });
    destination.node.addDependency(this.bucket.policy!);
    const delivery = new CfnDelivery(this, 'Delivery', {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.attrArn,
      recordFields: [...cdnLogFields],
    });
    delivery.node.addDependency(source);
  }
}
