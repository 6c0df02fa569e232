import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { LogBucket } from '../constructs/log-bucket';
import { retention } from '../../functions/src/domain/privacy/retention';

export interface FilesStackProps extends StackProps {
  /** Days the documents bucket's access logs are kept (the stage's `logRetentionDays.bucketAccess`). */
  accessLogDays: number;
}

/**
 * Stateful: members' documents (minutes, attachments). Private, encrypted, TLS only, versioned,
 * access-logged, retained.
 */
export class FilesStack extends Stack {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  /**
   * The bucket's ARN as other stacks read it (`Fn::GetStackOutput` of a named output): the functions'
   * object grants name it, and their rule acknowledgment names that same value (coopol-function.ts).
   */
  readonly bucketArnForOtherStacks: string;

  constructor(scope: Construct, id: string, props: FilesStackProps) {
    super(scope, id, props);

    this.accessLogs = new LogBucket(this, 'AccessLogs', {
      holds: 'the documents bucket’s S3 access logs',
      expireAfterDays: props.accessLogDays,
      removalPolicy: RemovalPolicy.RETAIN,
    }).bucket;

    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'files/',
      // Versions keep a deleted or overwritten document recoverable for a while, not forever.
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(30) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Files of posts uploaded but never confirmed by the server (ADR 0014): gone after a day.
        { id: 'PendingUploads', prefix: 'uploads/pending/', expiration: Duration.days(1) },
        // Archives of « Télécharger mes données » (ADR 0024): downloadable 7 days, gone the day after.
        { id: 'DataExports', prefix: 'exports/', expiration: Duration.seconds(retention.exportArchive.seconds + 86_400) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'FilesBucketArn', { value: this.bucket.bucketArn });
    this.bucketArnForOtherStacks = Fn.getStackOutput(this.stackName, 'FilesBucketArn', this.region);
  }
}
