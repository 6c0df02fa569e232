/**
 * How long Coopol keeps its technical logs in AWS, at most, in days. The privacy page
 * (web/app/confidentialite) states these figures, and a stage's config (infra/config.ts) may keep
 * logs for less, never for more: what the page promises is a ceiling the synth enforces.
 *
 * - functions: the Lambdas' logs (one line per request: route, status, latency; no body, no token)
 * - apiAccess: the HTTP API's access log (request id, route key, status, latency; no raw path, no address)
 * - cdn: CloudFront's standard logs (no query string, no cookie; paths may hold a calendar feed's or
 *   an unsubscribe link's token: kept apart, in a bucket nobody but the operators reads)
 * - bucketAccess: S3 server access logs of the documents and site buckets
 */
export const logRetentionCeilingDays = {
  functions: 30,
  apiAccess: 30,
  cdn: 7,
  bucketAccess: 30,
} as const;

export type LogKind = keyof typeof logRetentionCeilingDays;
