import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Match } from 'aws-cdk-lib/assertions';
import { features } from '../../functions/src/contracts/route';
import { scheduledJobs } from '../../functions/src/shared/scheduled-jobs';
import { featureAccess } from '../../infra/feature-access';
import { jobNames, jobs } from '../../infra/jobs';
import { accessNeededBy } from './bundle-needs';
import { synthesizeStage } from './stage-fixture';

const stage = synthesizeStage();
const template = stage.template('jobs');

test('one function per job, sized as declared', () => {
  for (const job of jobNames) {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: jobs[job].description,
      Timeout: jobs[job].timeoutSeconds,
      MemorySize: jobs[job].memorySize,
    });
  }
});

test('stream consumers read the table stream, filtered to their entities, with retries and a failure queue', () => {
  for (const job of jobNames) {
    const trigger = jobs[job].trigger;
    if (trigger.kind !== 'stream') continue;
    const changes: readonly string[] = trigger.changes;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: trigger.batchSize,
      StartingPosition: 'LATEST',
      MaximumRetryAttempts: 10,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          ...(changes.some((c) => c !== 'REMOVE')
            ? [{ Pattern: JSON.stringify({ eventName: changes.filter((c) => c !== 'REMOVE'), dynamodb: { NewImage: { __edb_e__: { S: [...trigger.entities] } } } }) }]
            : []),
          // Removals have no new image: they are matched on the old one.
          ...(changes.includes('REMOVE') ? [{ Pattern: JSON.stringify({ eventName: ['REMOVE'], dynamodb: { OldImage: { __edb_e__: { S: [...trigger.entities] } } } }) }] : []),
        ],
      },
    });
  }
});

test("SES's events reach the mail-feedback job through an SQS queue subscribed (raw) to the mail stack's topic", () => {
  template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs', RawMessageDelivery: true });
  template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 100, MaximumBatchingWindowInSeconds: 5 });
  stage.template('mail').hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
    EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['send', 'bounce', 'complaint']) }),
  });
});

test('EventBridge Scheduler gets a group and a role that may invoke the scheduled jobs, nothing else', () => {
  template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'coopol-dev' });
  template.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] }),
  });
  for (const job of scheduledJobs) assert.equal(jobs[job].trigger.kind, 'schedule', `${job} is started by schedules`);
  const invokes = Object.values(template.toJSON().Resources as Record<string, { Type: string; Properties: { PolicyDocument?: { Statement: { Action: unknown }[] } } }>)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .flatMap((r) => r.Properties.PolicyDocument!.Statement)
    .filter((s) => JSON.stringify(s.Action).includes('lambda:InvokeFunction'));
  // One function per scheduled job (CDK may merge the grants into one statement).
  const invoked = new Set(JSON.stringify(invokes.map((s) => (s as { Resource?: unknown }).Resource)).match(/"Fn::GetAtt":\["[^"]+"/g));
  assert.equal(invoked.size, scheduledJobs.length);
});

test('the API features that schedule (rollout, events) may manage schedules in their group only, and pass the scheduler role', () => {
  const api = stage.template('api').toJSON() as { Resources: Record<string, { Type: string; Properties: { PolicyDocument?: { Statement: { Action: unknown; Resource: unknown }[] } } }> };
  const statements = Object.values(api.Resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .flatMap((r) => r.Properties.PolicyDocument!.Statement);
  const scheduling = statements.filter((s) => JSON.stringify(s.Action).includes('scheduler:CreateSchedule'));
  assert.equal(scheduling.length, features.filter((f) => featureAccess[f].scheduler).length, 'only the features declaring it schedule');
  for (const statement of scheduling) assert.match(JSON.stringify(statement.Resource), /schedule\/coopol-dev\/\*/);
});

test("each job's bundle loads exactly the config modules its declared access provides for", async () => {
  for (const job of jobNames) {
    const needed = await accessNeededBy(jobs[job].entry);
    const declared = Object.keys(jobs[job].access).sort();
    assert.deepEqual(declared, needed, `${job}: infra/jobs.ts declares ${declared}, its bundle needs ${needed}`);
  }
});

test('recurring jobs (digests) are invoked by an EventBridge rule at their rate, failures to the failure queue', () => {
  for (const job of jobNames) {
    const trigger = jobs[job].trigger;
    if (trigger.kind !== 'rate') continue;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: trigger.expression,
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: Match.anyValue() })],
    });
  }
});
