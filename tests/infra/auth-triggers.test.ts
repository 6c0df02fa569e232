import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Stack } from 'aws-cdk-lib';
import type { CfnUserPool } from 'aws-cdk-lib/aws-cognito';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { cognitoTriggerNames, cognitoTriggers, type CognitoTrigger } from '../../infra/cognito-triggers';
import { accessNeededBy } from './bundle-needs';
import { synthesizeStage } from './stage-fixture';

const stage = synthesizeStage();
const auth = stage.stacks.auth;
const template = stage.template('auth');
type Resource = { Type: string; Properties: Record<string, unknown> };
interface Statement {
  Effect?: string;
  Action: string | string[];
  Resource: unknown;
}
const resources = () => template.toJSON().Resources as Record<string, Resource>;

function triggerFunction(trigger: CognitoTrigger) {
  const fn = auth.triggers[trigger].function;
  const logicalId = Stack.of(auth).getLogicalId(fn.node.defaultChild as CfnFunction);
  const roleId = Stack.of(auth).getLogicalId(fn.role!.node.defaultChild as CfnRole);
  const statements = Object.values(resources())
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => ![s.Action].flat().every((a) => a.startsWith('xray:')));
  return { logicalId, properties: resources()[logicalId]!.Properties, statements };
}
const variablesOf = (trigger: CognitoTrigger) =>
  (triggerFunction(trigger).properties.Environment as { Variables: Record<string, unknown> }).Variables;
const userPool = () => Object.values(resources()).find((r) => r.Type === 'AWS::Cognito::UserPool')!;

test('auth: the user pool sends its mails through SES, as the stage sender, through the mail stack configuration set', () => {
  const email = userPool().Properties.EmailConfiguration as Record<string, unknown>;
  assert.equal(email.EmailSendingAccount, 'DEVELOPER');
  assert.equal(email.From, 'Coopol <ne-pas-repondre@coopol.example>');
  assert.equal(email.SourceArn, 'arn:aws:ses:eu-west-3:000000000000:identity/ne-pas-repondre@coopol.example');
  assert.deepEqual(Object.keys(email.ConfigurationSet as object), ['Fn::GetStackOutput']);
  assert.match(JSON.stringify(email.ConfigurationSet), /"StackName":"coopol-dev-mail".*ConfigurationSet/);
});

test('auth: with a domain, Cognito sends from the domain identity SES verifies', () => {
  const withDomain = synthesizeStage({
    domainName: 'coopol.fr',
    certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
    mailFrom: 'ne-pas-repondre@coopol.fr',
  });
  const pool = Object.values(withDomain.template('auth').toJSON().Resources as Record<string, Resource>).find(
    (r) => r.Type === 'AWS::Cognito::UserPool',
  )!;
  const email = pool.Properties.EmailConfiguration as Record<string, unknown>;
  assert.equal(email.SourceArn, 'arn:aws:ses:eu-west-3:000000000000:identity/coopol.fr');
  assert.equal(email.From, 'Coopol <ne-pas-repondre@coopol.fr>');
});

test('auth: PreSignUp and CustomMessage are attached (no PostConfirmation: the API makes the person), each its own function, invocable by this pool only', () => {
  const lambdaConfig = userPool().Properties.LambdaConfig as Record<string, unknown>;
  assert.deepEqual(Object.keys(lambdaConfig).sort(), [...cognitoTriggerNames].sort());
  const poolId = Stack.of(auth).getLogicalId(auth.userPool.node.defaultChild as CfnUserPool);
  for (const trigger of cognitoTriggerNames) {
    const { logicalId, properties } = triggerFunction(trigger);
    assert.deepEqual(lambdaConfig[trigger], { 'Fn::GetAtt': [logicalId, 'Arn'] }, trigger);
    assert.equal(properties.Runtime, 'nodejs24.x', trigger);
    assert.deepEqual(properties.Architectures, ['arm64'], trigger);
    assert.equal(properties.Timeout, 5, `${trigger}: Cognito waits 5 s for a trigger`);
    const permissions = Object.values(resources()).filter(
      (r) => r.Type === 'AWS::Lambda::Permission' && JSON.stringify(r.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [logicalId, 'Arn'] }),
    );
    assert.equal(permissions.length, 1, trigger);
    assert.equal(permissions[0]!.Properties.Principal, 'cognito-idp.amazonaws.com');
    assert.deepEqual(permissions[0]!.Properties.SourceArn, { 'Fn::GetAtt': [poolId, 'Arn'] });
  }
});

/** The one statement every function has: writing to its own log group (no AWSLambdaBasicExecutionRole). */
function ownLogsOnly(trigger: CognitoTrigger): Statement[] {
  const logGroupId = Stack.of(auth).getLogicalId(auth.triggers[trigger].function.logGroup.node.defaultChild as CfnLogGroup);
  return [{ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }];
}

test('auth: PreSignUp touches nothing but its own logs (it refuses every sign-up straight to Cognito)', () => {
  assert.deepEqual(triggerFunction('PreSignUp').statements, ownLogsOnly('PreSignUp'));
  assert.deepEqual(Object.keys(variablesOf('PreSignUp')), ['NODE_OPTIONS']);
});

test('auth: CustomMessage touches nothing but its own logs (Cognito sends the mail itself)', () => {
  assert.deepEqual(triggerFunction('CustomMessage').statements, ownLogsOnly('CustomMessage'));
  assert.deepEqual(Object.keys(variablesOf('CustomMessage')), ['NODE_OPTIONS']);
});

test("each trigger's bundle loads exactly the config modules its declared access provides for", async () => {
  for (const trigger of cognitoTriggerNames) {
    const { entry, access } = cognitoTriggers[trigger];
    const needed = await accessNeededBy(entry);
    const declared = Object.keys(access).sort();
    assert.deepEqual(declared, needed, `${trigger}: infra/cognito-triggers.ts declares ${declared}, its bundle needs ${needed}`);
  }
});

test('auth depends on mail (SES sending; its triggers no longer read the table); no stateful stack depends on auth (no cycle)', () => {
  const { data, mail, files } = stage.stacks;
  assert.ok(auth.dependencies.includes(mail), `auth depends on ${mail.stackName}`);
  for (const stack of [data, mail, files]) assert.ok(!stack.dependencies.includes(auth), `${stack.stackName} must not depend on auth`);
});
