import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Business metrics, in CloudWatch namespace `Coopol` (infra/stacks/monitoring-stack.ts reads the same names). */
export const businessMetricNamespace = 'Coopol';
export const businessMetrics = ['MailsSent', 'SignUps', 'Rsvps'] as const;
export type BusinessMetric = (typeof businessMetrics)[number];

// One per container. Powertools writes CloudWatch's embedded metric format to stdout, which Lambda
// ships with the logs: no network call, here or locally.
const metrics = new Metrics({ namespace: businessMetricNamespace, serviceName: 'coopol' });

/** Counts something that happened for the party (a mail sent, an account opened, an answer to an event), at once. */
export function countBusiness(metric: BusinessMetric, count = 1): void {
  if (count <= 0) return;
  metrics.addMetric(metric, MetricUnit.Count, count);
  metrics.publishStoredMetrics();
}
