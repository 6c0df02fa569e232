import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IDependable } from 'constructs';
import type { OpenNextOutput } from './open-next-output';

export interface NextStaticAssetsProps {
  output: OpenNextOutput;
}

export interface NextStaticAssetsDeployOptions {
  /** Invalidated (`/*`) once every file is uploaded: cached pages and public files from the previous build go. */
  distribution?: IDistribution;
  /** Resources updated before the upload and invalidation (e.g. the server function). @default [] */
  after?: IDependable[];
}

/**
 * The site's files in a private bucket (CloudFront reads it through origin access control):
 * static assets under `_assets/` and the prerendered incremental cache under `_cache/`.
 * Rebuilt by every deploy, so the bucket is not kept when the stack goes. The bucket exists from
 * the constructor (the distribution needs it); `deploy()` adds the uploads.
 */
export class NextStaticAssets extends Construct {
  readonly bucket: Bucket;
  /** Prefix of the files CloudFront serves (its origin path). */
  readonly assetsKeyPrefix: string;
  /** Prefix of the incremental cache the server function reads and writes. */
  readonly cacheKeyPrefix: string;
  private readonly output: OpenNextOutput;

  constructor(scope: Construct, id: string, props: NextStaticAssetsProps) {
    super(scope, id);
    this.output = props.output;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.assetsKeyPrefix = props.output.assetsKeyPrefix;
    this.cacheKeyPrefix = props.output.uploads.find((upload) => !upload.cached)?.keyPrefix ?? '_cache';
  }

  /** Uploads the build, then invalidates the distribution if given. Call once. */
  deploy(options: NextStaticAssetsDeployOptions = {}): BucketDeployment[] {
    const common = { destinationBucket: this.bucket, memoryLimit: 1024 } as const;
    const uploads: BucketDeployment[] = [];
    let publicFiles: BucketDeployment | undefined;

    this.output.uploads.forEach((upload, i) => {
      if (!upload.cached) {
        // The incremental cache: read by the server, never by browsers.
        uploads.push(
          new BucketDeployment(this, `Upload${i}`, {
            ...common,
            sources: [Source.asset(upload.directory)],
            destinationKeyPrefix: upload.keyPrefix,
            prune: false,
          }),
        );
        return;
      }
      const versioned = upload.versionedSubDir;
      if (versioned) {
        // Content-hashed build files: cached for a year; older builds' files stay for pages still open.
        uploads.push(
          new BucketDeployment(this, `Upload${i}Versioned`, {
            ...common,
            sources: [Source.asset(`${upload.directory}/${versioned}`)],
            destinationKeyPrefix: `${upload.keyPrefix}/${versioned}`,
            cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
            prune: false,
          }),
        );
      }
      // Public files (favicon, robots.txt…) keep their names across deploys: browsers revalidate them.
      publicFiles = new BucketDeployment(this, `Upload${i}`, {
        ...common,
        sources: [Source.asset(upload.directory)],
        destinationKeyPrefix: upload.keyPrefix,
        cacheControl: [CacheControl.fromString('public,max-age=0,s-maxage=86400,must-revalidate')],
        exclude: versioned ? [`${versioned}/*`] : [],
        prune: true,
        // The last step of a deploy: everything else is in place when the cache is dropped.
        ...(options.distribution && { distribution: options.distribution, distributionPaths: ['/*'] }),
      });
    });

    if (!publicFiles) throw new Error('OpenNext output has no cached upload (static assets)');
    for (const dependency of [...uploads, ...(options.after ?? [])]) publicFiles.node.addDependency(dependency);
    return [...uploads, publicFiles];
  }
}
