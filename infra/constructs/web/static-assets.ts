import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { OpenNextOutput } from './open-next-output';

export interface NextStaticAssetsProps {
  output: OpenNextOutput;
}

/**
 * The site's files in a private bucket (CloudFront reads it through origin access control):
 * static assets under `_assets/` and the prerendered incremental cache under `_cache/`.
 * Rebuilt by every deploy, so the bucket is not kept when the stack goes.
 */
export class NextStaticAssets extends Construct {
  readonly bucket: Bucket;
  /** Prefix of the files CloudFront serves (its origin path). */
  readonly assetsKeyPrefix: string;
  /** Prefix of the incremental cache the server function reads and writes. */
  readonly cacheKeyPrefix: string;

  constructor(scope: Construct, id: string, props: NextStaticAssetsProps) {
    super(scope, id);
    const { output } = props;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.assetsKeyPrefix = output.assetsKeyPrefix;
    this.cacheKeyPrefix = output.uploads.find((upload) => !upload.cached)?.keyPrefix ?? '_cache';

    output.uploads.forEach((upload, i) => {
      const common = { destinationBucket: this.bucket, memoryLimit: 1024 } as const;
      if (!upload.cached) {
        // The incremental cache: read by the server, never by browsers.
        new BucketDeployment(this, `Upload${i}`, {
          ...common,
          sources: [Source.asset(upload.directory)],
          destinationKeyPrefix: upload.keyPrefix,
          prune: false,
        });
        return;
      }
      const versioned = upload.versionedSubDir;
      new BucketDeployment(this, `Upload${i}`, {
        ...common,
        sources: [Source.asset(upload.directory)],
        destinationKeyPrefix: upload.keyPrefix,
        // Public files (favicon, robots.txt…) keep their names across deploys: browsers revalidate them.
        cacheControl: [CacheControl.fromString('public,max-age=0,s-maxage=86400,must-revalidate')],
        exclude: versioned ? [`${versioned}/*`] : [],
        prune: true,
      });
      if (versioned) {
        // Content-hashed build files: cached for a year; older builds' files stay for pages still open.
        new BucketDeployment(this, `Upload${i}Versioned`, {
          ...common,
          sources: [Source.asset(`${upload.directory}/${versioned}`)],
          destinationKeyPrefix: `${upload.keyPrefix}/${versioned}`,
          cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
          prune: false,
        });
      }
    });
  }
}
