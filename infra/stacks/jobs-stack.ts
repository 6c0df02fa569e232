import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { StartingPosition, FilterCriteria, FilterRule, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
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
import { acknowledge } from '../nag';
import { fromRepoRoot } from '../paths';

export interface JobsStackProps extends StackProps {
  resources: Omit<CoopolResources, 'scheduler'>;
  /** SES's events for the configuration set (mail stack). */
  mailFeedbackTopic: ITopic;
  scheduleGroupName: string;
  /** Extra variables of some jobs (the wave sender's rate cap). */
  environment?: Partial<Record<JobName, Record<string, string>>>;
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

/** Who invokes a job synchronously and where its failure goes instead of a dead-letter queue (none for async triggers). */
const synchronousBecause: Record<JobTrigger['kind'], string | undefined> = {
  stream: 'invoked by the table stream’s event source mapping: a failed change is retried, then its record goes to the JobFailures queue (the mapping’s on-failure destination)',
  'mail-feedback': 'invoked by the SQS event source mapping: a failed message goes back to the queue, then after 5 receives to MailFeedbackDeadLetters',
  schedule: undefined,
  rate: undefined,
};

export class JobsStack extends Stack {
  readonly functions: Record<JobName, CoopolFunction>;
  readonly scheduler: NonNullable<CoopolResources['scheduler']>;
  /** Every place where something that failed waits for an operator: alarmed when not empty (OPERATIONS.md). */
  readonly deadLetterQueues: { jobFailures: Queue; mailFeedback: Queue };

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);

    // Stream records that failed every retry, and scheduled or recurring runs that failed Lambda's two retries.
    const failures = new Queue(this, 'JobFailures', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    acknowledge(failures, 'Serverless-SQSRedrivePolicy', 'this is the dead-letter queue of the jobs: what lands here waits for an operator (alarm, OPERATIONS.md)');
    // SES's events that the mail-feedback job failed 5 times, or that SNS could not deliver to its queue.
    const mailFeedbackFailures = new Queue(this, 'MailFeedbackDeadLetters', { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
    acknowledge(mailFeedbackFailures, 'Serverless-SQSRedrivePolicy', 'this is the dead-letter queue of SES’s events: redriven to MailFeedback once fixed (OPERATIONS.md)');
    this.deadLetterQueues = { jobFailures: failures, mailFeedback: mailFeedbackFailures };

    this.functions = Object.fromEntries(
      jobNames.map((job) => {
        const synchronous = synchronousBecause[jobs[job].trigger.kind];
        return [
          job,
          new CoopolFunction(this, `Job-${job}`, {
            entry: fromRepoRoot(jobs[job].entry),
            description: jobs[job].description,
            access: jobs[job].access,
            resources: props.resources,
            memorySize: jobs[job].memorySize,
            timeout: Duration.seconds(jobs[job].timeoutSeconds),
            ...(synchronous ? { synchronous } : { deadLetterQueue: failures }),
            environment: props.environment?.[job],
          }),
        ];
      }),
    ) as Record<JobName, CoopolFunction>;

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
          deadLetterQueue: { queue: mailFeedbackFailures, maxReceiveCount: 5 },
        });
        props.mailFeedbackTopic.addSubscription(new SqsSubscription(queue, { rawMessageDelivery: true, deadLetterQueue: mailFeedbackFailures }));
        const source = new SqsEventSource(queue, { batchSize: 100, maxBatchingWindow: Duration.seconds(5) });
        fn.addEventSource(source);
        acknowledge(
          fn,
          'Serverless-LambdaEventSourceMappingDestination',
          'an SQS mapping has no on-failure destination: the queue’s redrive policy sends a message failed 5 times to MailFeedbackDeadLetters',
        );
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
    for (const job of scheduledJobs) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.functions[job].function.node.defaultChild as CfnFunction)}.Arn>:*]`,
        'grantInvoke covers the function’s versions and aliases (`:*`) of the scheduled jobs, nothing else',
      );
    }
    this.scheduler = {
      groupName: group.name!,
      role,
      jobArns: Object.fromEntries(scheduledJobs.map((job) => [job, this.functions[job].function.functionArn])),
    };
  }
}
