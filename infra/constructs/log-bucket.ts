import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export interface LogBucketProps {
  /** What the bucket holds, for the rule acknowledgment and the reader. */
  holds: string;
  /** Days before each log file is deleted (the stage's `logRetentionDays`). */
  expireAfterDays: number;
  /** @default RemovalPolicy.DESTROY (with its objects) */
  removalPolicy?: RemovalPolicy;
}

/**
 * A private bucket that receives logs (S3 server access logs, CloudFront's standard logs): nobody
 * but the account's operators reads it, every file expires after the stage's retention, and it does
 * not log its own accesses (that would be logs of logs, forever).
 */
export class LogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ expiration: Duration.days(props.expireAfterDays) }, { abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });
    acknowledge(this.bucket, 'AwsSolutions-S1', `this bucket holds ${props.holds}; logging its own accesses would keep logs of logs`);
  }
}
