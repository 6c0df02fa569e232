import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { businessMetricNamespace, businessMetrics } from '../../functions/src/shared/metrics';
import type { StageConfig } from '../config';
import { acknowledge } from '../nag';

export interface MonitoringStackProps extends StackProps {
  config: Pick<StageConfig, 'stage' | 'alarmEmail' | 'monthlyBudgetUsd'>;
  /** Every Lambda of the stage, by a readable name (`api/identity`, `jobs/wave-sender`…). */
  functions: Record<string, IFunction>;
  httpApi: HttpApi;
  table: ITable;
  /** Every queue where failed work waits (JobsStack.deadLetterQueues). */
  deadLetterQueues: Record<string, IQueue>;
  /** The wave sender, whose silence while it runs means a stalled wave. */
  waveSender: IFunction;
}

/**
 * The thresholds of the alarms, in one place: docs/OPERATIONS.md explains each one and what to do.
 * SES puts an account under review at a 5 % bounce rate and 0.1 % complaint rate: ours ring before.
 */
export const alarmThresholds = {
  lambdaErrorsPer5Min: 5,
  lambdaThrottlesPer5Min: 1,
  api5xxPercent: 1,
  apiP99Ms: 3_000,
  dynamoThrottlesPer5Min: 1,
  sesBounceRate: 0.04,
  sesComplaintRate: 0.0008,
  deadLetters: 1,
  budgetActualPercent: 80,
  budgetForecastPercent: 100,
} as const;

const fiveMinutes = Duration.minutes(5);

/**
 * One stage's alarms and dashboard. Every alarm goes to one SNS topic (mailed to the stage's
 * `alarmEmail`), and so does the monthly budget's. Metrics come from AWS's own namespaces and from
 * Powertools Metrics (namespace `Coopol`: mails sent, sign-ups, answers to events).
 */
export class MonitoringStack extends Stack {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.topic = new Topic(this, 'Alarms', { displayName: `Coopol ${config.stage} — alarmes`, enforceSSL: true });
    if (config.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
      acknowledge(this.topic, 'Serverless-SNSRedrivePolicy', 'an e-mail subscription: SNS retries mail delivery itself, and every alarm also stays visible in CloudWatch and on the dashboard');
    }
    const action = new SnsAction(this.topic);
    // `section`: the heading of docs/OPERATIONS.md that says what the alarm means and what to do.
    const alarm = (id: string, section: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const created = new Alarm(this, id, {
        alarmDescription: `${description} — docs/OPERATIONS.md#${section}`,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };

    // Lambda: errors and throttles, function by function (an alarm names the function that fails).
    for (const [name, fn] of Object.entries(props.functions)) {
      const id = name.replace(/[^A-Za-z0-9]/g, '-');
      alarm(`LambdaErrors-${id}`, 'lambdaerrors', `${name}: errors`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), alarmThresholds.lambdaErrorsPer5Min);
      alarm(`LambdaThrottles-${id}`, 'lambdathrottles', `${name}: throttled invocations`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), alarmThresholds.lambdaThrottlesPer5Min);
    }

    // API: share of 5xx answers, and the slowest 1 %.
    const requests = props.httpApi.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const serverErrors = props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    const errorRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      period: fiveMinutes,
      label: 'API 5xx (%)',
    });
    alarm('Api5xxRate', 'api5xxrate', 'API: more than 1 % of answers are 5xx', errorRate, alarmThresholds.api5xxPercent, 2);
    const p99 = props.httpApi.metricLatency({ period: fiveMinutes, statistic: 'p99' });
    alarm('ApiLatencyP99', 'apilatencyp99', 'API: the slowest 1 % of answers take more than 3 s', p99, alarmThresholds.apiP99Ms, 3);

    // DynamoDB: on-demand still throttles a partition too hot, or a jump past twice the previous peak.
    const throttles = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: new Metric({ namespace: 'AWS/DynamoDB', metricName: 'ReadThrottleEvents', dimensionsMap: { TableName: props.table.tableName }, period: fiveMinutes, statistic: 'Sum' }),
        writes: new Metric({ namespace: 'AWS/DynamoDB', metricName: 'WriteThrottleEvents', dimensionsMap: { TableName: props.table.tableName }, period: fiveMinutes, statistic: 'Sum' }),
      },
      period: fiveMinutes,
      label: 'DynamoDB throttled requests',
    });
    alarm('DynamoThrottles', 'dynamothrottles', 'DynamoDB: throttled requests on the table', throttles, alarmThresholds.dynamoThrottlesPer5Min);

    // SES: the account's reputation, before SES's own review thresholds (5 % bounces, 0.1 % complaints).
    const bounceRate = new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', period: Duration.hours(1), statistic: 'Maximum' });
    const complaintRate = new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', period: Duration.hours(1), statistic: 'Maximum' });
    alarm('SesBounceRate', 'sesbouncerate', 'SES: bounce rate at 4 % (SES reviews the account at 5 %)', bounceRate, alarmThresholds.sesBounceRate);
    alarm('SesComplaintRate', 'sescomplaintrate', 'SES: complaint rate at 0.08 % (SES reviews the account at 0.1 %)', complaintRate, alarmThresholds.sesComplaintRate);

    // Dead letters: any message waiting means work that failed every retry.
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `DeadLetters-${name}`,
        `deadletters-${name.toLowerCase()}`,
        `${name}: failed work is waiting for an operator`,
        queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        alarmThresholds.deadLetters,
      );
    }

    // A stalled wave: the wave sender keeps being invoked but no launch mail goes out for 15 minutes.
    const mailsSent = new Metric({ namespace: businessMetricNamespace, metricName: 'MailsSent', dimensionsMap: { service: 'coopol' }, period: fiveMinutes, statistic: 'Sum' });
    const stalled = new MathExpression({
      expression: 'IF(invocations > 0 AND FILL(mails, 0) == 0, 1, 0)',
      usingMetrics: { invocations: props.waveSender.metricInvocations({ period: fiveMinutes, statistic: 'Sum' }), mails: mailsSent },
      period: fiveMinutes,
      label: 'wave sender running, no mail sent',
    });
    alarm('WaveStalled', 'wavestalled', 'a wave is being sent but no mail went out for 15 minutes', stalled, 1, 3);

    // The month's cost, actual and forecast, to the same topic.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('budgets.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    const subscribers = [{ subscriptionType: 'SNS', address: this.topic.topicArn }];
    new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `coopol-${config.stage}`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: config.monthlyBudgetUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:stage$${config.stage}`] },
      },
      notificationsWithSubscribers: [
        { notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: alarmThresholds.budgetActualPercent, thresholdType: 'PERCENTAGE' }, subscribers },
        { notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: alarmThresholds.budgetForecastPercent, thresholdType: 'PERCENTAGE' }, subscribers },
      ],
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `coopol-${config.stage}`,
      widgets: [
        [new TextWidget({ markdown: `# Coopol ${config.stage}\nAlarms and what to do: docs/OPERATIONS.md`, width: 24, height: 2 })],
        [
          new GraphWidget({ title: 'API: requests and 5xx', left: [requests, serverErrors], right: [errorRate], width: 8 }),
          new GraphWidget({ title: 'API: latency p99 (ms)', left: [p99], width: 8 }),
          new GraphWidget({ title: 'DynamoDB: throttles', left: [throttles], width: 8 }),
        ],
        [
          new GraphWidget({
            title: 'Business: mails sent, sign-ups, answers to events',
            left: businessMetrics.map((name) => new Metric({ namespace: businessMetricNamespace, metricName: name, dimensionsMap: { service: 'coopol' }, period: fiveMinutes, statistic: 'Sum' })),
            width: 8,
          }),
          new GraphWidget({ title: 'SES: bounce and complaint rates', left: [bounceRate], right: [complaintRate], width: 8 }),
          new GraphWidget({
            title: 'Dead letters',
            left: Object.values(props.deadLetterQueues).map((queue) => queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' })),
            width: 8,
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda errors',
            left: Object.values(props.functions).map((fn) => fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' })),
            width: 12,
          }),
          new GraphWidget({
            title: 'Lambda throttles',
            left: Object.values(props.functions).map((fn) => fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' })),
            width: 12,
          }),
        ],
      ],
    });
  }
}
