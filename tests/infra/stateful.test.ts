import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Match } from 'aws-cdk-lib/assertions';
import { tableDesign } from '../../functions/src/domain/table-design';
import { synthesizeStage } from './stage-fixture';

// One synthesized stage for the whole file.
const stage = synthesizeStage();

test('the stacks are named per stage and pinned to the configured account, in Paris', () => {
  assert.equal(stage.stacks.data.stackName, 'coopol-dev-data');
  const { edge, cdnLogs, ...regional } = stage.stacks;
  assert.equal(edge, undefined, 'no WAF stack unless the stage turns it on');
  for (const stack of Object.values(regional)) {
    assert.equal(stack.region, 'eu-west-3');
    assert.equal(stack.account, '000000000000');
  }
  // CloudFront's log delivery (and its web ACL, when on) must be made in us-east-1.
  assert.equal(cdnLogs.region, 'us-east-1');
});

test('data: the single table has the shared keys, both GSIs, PITR, a stream, TTL, and is retained', () => {
  const template = stage.template('data');
  template.resourceCountIs('AWS::DynamoDB::Table', 1);
  template.hasResource('AWS::DynamoDB::Table', {
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      TableName: Match.absent(),
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDesign.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    },
  });
});

test('auth: email sign-in, self sign-up, optional TOTP, 12+ character passwords, retained', () => {
  const template = stage.template('auth');
  template.hasResource('AWS::Cognito::UserPool', {
    DeletionPolicy: 'Retain',
    Properties: {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    },
  });
});

test('auth: the web client has no secret, password + SRP + refresh flows, and cannot write the membership number', () => {
  const template = stage.template('auth');
  template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
    GenerateSecret: false,
    ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    WriteAttributes: Match.not(Match.arrayWith(['custom:member_number'])),
  });
});

test('auth: the pool has no groups — every role, national ones included, is a grant in the table (ADR 0007)', () => {
  stage.template('auth').resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
});

test('mail: the sender identity uses a configuration set that publishes bounces and complaints to SNS', () => {
  const template = stage.template('mail');
  template.hasResourceProperties('AWS::SES::EmailIdentity', {
    EmailIdentity: 'ne-pas-repondre@coopol.example',
    ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.anyValue() } },
  });
  template.hasResourceProperties('AWS::SES::ConfigurationSet', {
    SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
  });
  template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
    EventDestination: {
      Enabled: true,
      MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
      SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('FeedbackTopic') } },
    },
  });
  // SES may publish to the topic, for this configuration set only.
  template.hasResourceProperties('AWS::SNS::TopicPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
      ]),
    },
  });
});

test('mail: with a custom domain, SES verifies the domain itself', () => {
  const withDomain = synthesizeStage({
    domainName: 'coopol.fr',
    certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
    mailFrom: 'ne-pas-repondre@coopol.fr',
  });
  withDomain.template('mail').hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'coopol.fr' });
  withDomain.template('web').hasResourceProperties('AWS::CloudFront::Distribution', {
    DistributionConfig: Match.objectLike({ Aliases: ['coopol.fr'] }),
  });
});

test('files: the documents bucket is private, encrypted, TLS-only and retained', () => {
  const template = stage.template('files');
  template.hasResource('AWS::S3::Bucket', {
    DeletionPolicy: 'Retain',
    Properties: {
      BucketName: Match.absent(),
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: Match.anyValue() } }],
      },
    },
  });
  // Uploads of post files that the server never confirmed expire (ADR 0014).
  template.hasResourceProperties('AWS::S3::Bucket', {
    LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'uploads/pending/', ExpirationInDays: 1, Status: 'Enabled' })]) },
  });
  template.hasResourceProperties('AWS::S3::BucketPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    },
  });
});

test('no stack hard-codes a physical name for a function, table, bucket, pool or topic', () => {
  const named = /"(FunctionName|TableName|BucketName|UserPoolName|TopicName|ConfigurationSetName)":"/;
  for (const name of ['data', 'auth', 'mail', 'files', 'api', 'web'] as const) {
    const resources = JSON.stringify(stage.template(name).toJSON().Resources);
    assert.doesNotMatch(resources, named, name);
  }
});
