import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { StartingPosition, FilterCriteria, FilterRule } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { scheduledJobs } from '../../functions/src/shared/scheduled-jobs';
import { CoopolFunction, type CoopolResources } from '../constructs/coopol-function';
import { jobNames, jobs, type JobName, type JobTrigger } from '../jobs';
import { fromRepoRoot } from '../paths';

export interface JobsStackProps extends StackProps {
  resources: Omit<CoopolResources, 'scheduler'>;
  /** SES's events for the configuration set (mail stack). */
  mailFeedbackTopic: ITopic;
  scheduleGroupName: string;
}

/**
 * Stateless: the background jobs of infra/jobs.ts, each a function with its trigger — table-stream
 * consumers (event source mappings filtered to their entities; a failing batch is retried, split,
 * then set aside in a queue), SES's events through SNS → SQS, and the schedule group and role
 * through which one-off schedules (a wave's opening) invoke the scheduled jobs.
 */
/**
 * The event source's filter: the job's entities, read on the new image — and, for removals (which
 * have none), on the old one. Filters are alternatives.
 */
function streamFilters(trigger: Extract<JobTrigger, { kind: 'stream' }>) {
  const entity = { __edb_e__: { S: FilterRule.or(...trigger.entities) } };
  const written = trigger.changes.filter((change) => change !== 'REMOVE');
  return [
    ...(written.length ? [FilterCriteria.filter({ eventName: FilterRule.or(...written), dynamodb: { NewImage: entity } })] : []),
    ...(trigger.changes.includes('REMOVE') ? [FilterCriteria.filter({ eventName: FilterRule.or('REMOVE'), dynamodb: { OldImage: entity } })] : []),
  ];
}

export class JobsStack extends Stack {
  readonly functions: Record<JobName, CoopolFunction>;
  readonly scheduler: NonNullable<CoopolResources['scheduler']>;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);

    this.functions = Object.fromEntries(
      jobNames.map((job) => [
        job,
        new CoopolFunction(this, `Job-${job}`, {
          entry: fromRepoRoot(jobs[job].entry),
          description: jobs[job].description,
          access: jobs[job].access,
          resources: props.resources,
          memorySize: jobs[job].memorySize,
          timeout: Duration.seconds(jobs[job].timeoutSeconds),
        }),
      ]),
    ) as Record<JobName, CoopolFunction>;

    const failures = new Queue(this, 'JobFailures', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });

    for (const job of jobNames) {
      const { trigger } = jobs[job];
      const fn = this.functions[job].function;
      if (trigger.kind === 'stream') {
        fn.addEventSource(
          new DynamoEventSource(props.resources.table, {
            startingPosition: StartingPosition.LATEST,
            batchSize: trigger.batchSize,
            retryAttempts: 10,
            bisectBatchOnError: true,
            // The jobs answer which change failed (functions/src/jobs/kit/stream-job.ts): retried from it.
            reportBatchItemFailures: true,
            onFailure: new SqsDlq(failures),
            filters: streamFilters(trigger),
          }),
        );
      } else if (trigger.kind === 'mail-feedback') {
        const queue = new Queue(this, 'MailFeedback', {
          visibilityTimeout: Duration.seconds(jobs[job].timeoutSeconds * 6),
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          deadLetterQueue: { queue: failures, maxReceiveCount: 5 },
        });
        props.mailFeedbackTopic.addSubscription(new SqsSubscription(queue, { rawMessageDelivery: true }));
        fn.addEventSource(new SqsEventSource(queue, { batchSize: 100, maxBatchingWindow: Duration.seconds(5) }));
      } else if (trigger.kind === 'rate') {
        // A recurring job (digests): an EventBridge rule invokes it; a failed run is retried, then dropped.
        new Rule(this, `${job}-rule`, {
          description: `${jobs[job].description} (${trigger.expression})`,
          schedule: Schedule.expression(trigger.expression),
          targets: [new LambdaFunction(fn, { retryAttempts: 2, deadLetterQueue: failures })],
        });
      }
    }

    const group = new CfnScheduleGroup(this, 'ScheduleGroup', { name: props.scheduleGroupName });
    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'EventBridge Scheduler invokes the scheduled jobs of Coopol',
    });
    for (const job of scheduledJobs) this.functions[job].function.grantInvoke(role);
    this.scheduler = {
      groupName: group.name!,
      role,
      jobArns: Object.fromEntries(scheduledJobs.map((job) => [job, this.functions[job].function.functionArn])),
    };
  }
}
