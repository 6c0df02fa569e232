import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { optionalEndpoint, readConfig } from './config';

const config = readConfig({
  FILES_BUCKET: z.string().min(1),
  S3_ENDPOINT: optionalEndpoint,
});

export const filesBucket = config.FILES_BUCKET;
// The local S3 server only understands path-style addressing.
export const s3 = new S3Client(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {});
