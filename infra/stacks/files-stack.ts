import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { retention } from '../../functions/src/domain/privacy/retention';

/** Stateful: members' documents (minutes, attachments). Private, encrypted, TLS only, retained. */
export class FilesStack extends Stack {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
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
  }
}
