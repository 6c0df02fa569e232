import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct, type IDependable } from 'constructs';
import path from 'node:path';
import { writePrecompressedScripts } from '../../web/brotli-scripts';
import { acknowledge } from '../../nag';
import { LogBucket } from '../log-bucket';
import type { OpenNextOutput } from './open-next-output';

export interface NextStaticAssetsProps {
  output: OpenNextOutput;
  /** Days the bucket's S3 access logs are kept. */
  accessLogDays: number;
  /** Days the upload function's logs are kept. */
  logRetentionDays: number;
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
  private readonly uploadLogs: LogGroup;

  constructor(scope: Construct, id: string, props: NextStaticAssetsProps) {
    super(scope, id);
    this.output = props.output;
    this.uploadLogs = new LogGroup(this, 'UploadLogs', { retention: props.logRetentionDays as RetentionDays, removalPolicy: RemovalPolicy.DESTROY });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
      serverAccessLogsBucket: new LogBucket(this, 'AccessLogs', { holds: 'the site assets bucket’s S3 access logs', expireAfterDays: props.accessLogDays }).bucket,
    });
    this.assetsKeyPrefix = props.output.assetsKeyPrefix;
    this.cacheKeyPrefix = props.output.uploads.find((upload) => !upload.cached)?.keyPrefix ?? '_cache';
  }

  /**
   * Lets a site function read (or read and write) the keys under `prefix`, with CDK's bucket grant,
   * whose wildcards (`s3:GetObject*`, `s3:List*`…) are acknowledged here once, with what the keys are.
   */
  grantUnder(fn: IFunction, prefix: string, mode: 'read' | 'readwrite', keys: string): void {
    if (mode === 'read') this.bucket.grantRead(fn, `${prefix}/*`);
    else this.bucket.grantReadWrite(fn, `${prefix}/*`);
    const role = fn.role!;
    const only = `${keys}, under ${prefix}/ of the site’s assets bucket only`;
    acknowledge(role, 'AwsSolutions-IAM5[Action::s3:GetObject*]', `reads ${only} (GetObject and the object’s attributes)`);
    acknowledge(role, 'AwsSolutions-IAM5[Action::s3:GetBucket*]', 'the S3 client reads the bucket’s location and settings; the site’s assets bucket only');
    acknowledge(role, 'AwsSolutions-IAM5[Action::s3:List*]', `a missing key is a 404, not a 403: lists ${only}`);
    if (mode === 'readwrite') {
      acknowledge(role, 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', `replaces ${only}`);
      acknowledge(role, 'AwsSolutions-IAM5[Action::s3:Abort*]', `large entries are written in parts; an aborted upload of ${only} is cleaned up`);
    }
    acknowledge(role, `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/${prefix}/*]`, `any of ${only}`);
  }

  /** Uploads the build, then invalidates the distribution if given. Call once. */
  deploy(options: NextStaticAssetsDeployOptions = {}): BucketDeployment[] {
    const common = { destinationBucket: this.bucket, memoryLimit: 1024, logGroup: this.uploadLogs } as const;
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
        // Beside each build script its brotli-11 copy, which CloudFront's viewer-request function picks for
        // a browser taking brotli (infra/web/brotli-scripts.ts, ADR 0026): smaller than the edge compresses.
        const brotliDirectory = path.join(`${upload.directory}-brotli`, versioned);
        if (writePrecompressedScripts(path.join(upload.directory, versioned), brotliDirectory) > 0) {
          uploads.push(
            new BucketDeployment(this, `Upload${i}VersionedBrotli`, {
              ...common,
              sources: [Source.asset(brotliDirectory)],
              destinationKeyPrefix: `${upload.keyPrefix}/${versioned}`,
              contentEncoding: 'br',
              contentType: 'application/javascript; charset=utf-8',
              cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
              prune: false,
            }),
          );
        }
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
    acknowledgeBucketDeployment(this, this.bucket);
    for (const dependency of [...uploads, ...(options.after ?? [])]) publicFiles.node.addDependency(dependency);
    return [...uploads, publicFiles];
  }
}

/**
 * BucketDeployment's function is CDK's own singleton (a Python runtime CDK picks, run once per
 * deploy by CloudFormation): its runtime, role and tracing are CDK's, not ours.
 */
function acknowledgeBucketDeployment(scope: Construct, bucket: Bucket): void {
  const stack = Stack.of(scope);
  const singleton = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!singleton) return;
  const because = 'CDK’s BucketDeployment function, run by CloudFormation during a deploy';
  acknowledge(singleton, 'AwsSolutions-L1', `${because}: CDK chooses and updates its runtime`);
  acknowledge(singleton, 'Serverless-LambdaLatestVersion', `${because}: CDK chooses and updates its runtime`);
  acknowledge(singleton, 'Serverless-LambdaTracing', `${because}: nothing to trace at request time`);
  acknowledge(singleton, 'Serverless-LambdaDLQ', `${because}: invoked synchronously by CloudFormation, a failure fails the deploy`);
  acknowledge(singleton, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', `${because}: CDK gives it the basic execution role`);
  for (const finding of ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*']) {
    acknowledge(singleton, `AwsSolutions-IAM5[${finding}]`, `${because}: it copies, replaces and prunes the build’s files`);
  }
  acknowledge(singleton, `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*]`, `${because}: it reads the build’s zipped assets from the CDK bootstrap bucket`);
  acknowledge(
    singleton,
    `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
    `${because}: it writes and prunes every key of the site’s assets bucket, and no other bucket`,
  );
  acknowledge(singleton, 'AwsSolutions-IAM5[Resource::*]', `${because}: X-Ray and CloudFront invalidation accept no narrower resource`);
}
