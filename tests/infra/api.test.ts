import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { defaultReportCeilings } from '../../functions/src/contracts/events';
import { features, routeKey, type Feature } from '../../functions/src/contracts/route';
import { routeList } from '../../functions/src/contracts/routes';
import { featureAccess } from '../../infra/feature-access';
import { accessNeededBy } from './bundle-needs';
import { synthesizeStage } from './stage-fixture';

const stage = synthesizeStage();
const api = stage.stacks.api;
const template = stage.template('api');

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
type Resource = { Type: string; Properties: Record<string, unknown> };

function functionOf(feature: Feature): { logicalId: string; properties: Record<string, unknown>; statements: Statement[] } {
  const fn = api.functions[feature].function;
  const logicalId = Stack.of(api).getLogicalId(fn.node.defaultChild as CfnFunction);
  const roleId = Stack.of(api).getLogicalId(fn.role!.node.defaultChild as CfnRole);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const statements = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  return { logicalId, properties: resources[logicalId]!.Properties, statements };
}

// X-Ray (tracing) and writing its own log group are every function's: the grants below are the rest.
const actionsOf = (statements: Statement[]): string[] =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).filter((a) => !a.startsWith('xray:') && !a.startsWith('logs:'));

test('one Lambda per feature, Node 24 on arm64, with tracing, source maps and a log group', () => {
  template.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'] }, features.length);
  for (const feature of features) {
    const { properties } = functionOf(feature);
    assert.equal(properties.Runtime, 'nodejs24.x', feature);
    assert.deepEqual(properties.Architectures, ['arm64'], feature);
    assert.equal(properties.Handler, 'index.handler', feature);
    assert.deepEqual(properties.TracingConfig, { Mode: 'Active' }, feature);
    assert.ok((properties.LoggingConfig as { LogGroup?: unknown }).LogGroup, `${feature} logs to its own log group`);
    assert.equal((properties.Environment as { Variables: Record<string, unknown> }).Variables.NODE_OPTIONS, '--enable-source-maps');
    // Its role writes to its own log group and no other (no AWSLambdaBasicExecutionRole).
    const logGroupId = Stack.of(api).getLogicalId(api.functions[feature].function.logGroup.node.defaultChild as CfnLogGroup);
    const logs = functionOf(feature).statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
    assert.deepEqual(logs, [{ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }], feature);
    const role = template.toJSON().Resources[Stack.of(api).getLogicalId(api.functions[feature].function.role!.node.defaultChild as CfnRole)];
    assert.equal(role.Properties.ManagedPolicyArns, undefined, `${feature}: no managed policy`);
  }
  // One log group per feature and the API's access log, each kept as long as the stage says (30 days by default).
  template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, features.length + 1);
});

test('every route of the contracts exists on the HTTP API, and nothing else', () => {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
  const keys = routes.map((r) => r.Properties.RouteKey as string).sort();
  assert.deepEqual(keys, routeList.map(routeKey).sort());
});

test('the JWT authorizer guards exactly the jwt routes, and trusts this stage user pool and web client', () => {
  const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
  assert.equal(Object.keys(authorizers).length, 1);
  const [authorizerId, authorizer] = Object.entries(authorizers)[0]! as [string, Resource];
  const jwt = authorizer.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
  assert.equal(authorizer.Properties.AuthorizerType, 'JWT');
  assert.match(JSON.stringify(jwt.Issuer), /https:\/\/cognito-idp\.eu-west-3\.amazonaws\.com\//);
  assert.match(JSON.stringify(jwt.Issuer), /UserPool/);
  assert.match(JSON.stringify(jwt.Audience), /UserPoolWebClient/);

  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
  for (const route of routeList) {
    const resource = routes.find((r) => r.Properties.RouteKey === routeKey(route));
    assert.ok(resource, routeKey(route));
    if (route.auth === 'jwt') {
      assert.equal(resource.Properties.AuthorizationType, 'JWT', routeKey(route));
      assert.deepEqual(resource.Properties.AuthorizerId, { Ref: authorizerId }, routeKey(route));
    } else {
      assert.equal(resource.Properties.AuthorizationType, 'NONE', routeKey(route));
      assert.equal(resource.Properties.AuthorizerId, undefined, routeKey(route));
    }
  }
});

test("each route reaches its own feature's Lambda", () => {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  for (const route of routeList) {
    const resource = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === routeKey(route))!;
    const integrationId = JSON.stringify(resource.Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
    const integration = resources[integrationId]!;
    assert.deepEqual(integration.Properties.IntegrationUri, { 'Fn::GetAtt': [functionOf(route.feature).logicalId, 'Arn'] }, routeKey(route));
  }
});

test('territory may only read the table: no write, no delete, no Scan, no mail, no files', () => {
  const actions = actionsOf(functionOf('territory').statements);
  assert.deepEqual(actions.sort(), ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query']);
  for (const forbidden of [/^dynamodb:(Put|Update|Delete|BatchWrite|Scan)/, /^ses:/, /^s3:/, /^cognito-idp:/, /\*$/]) {
    assert.ok(!actions.some((a) => forbidden.test(a)), `territory must not have ${forbidden}`);
  }
});

test('identity reads and writes the table, sends mail, and of Cognito\'s admin calls may only create, set the password of, delete, read users and sign them out everywhere', () => {
  const actions = actionsOf(functionOf('identity').statements);
  assert.ok(!actions.includes('dynamodb:Scan'));
  assert.deepEqual(
    actions.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('ses:')).sort(),
    [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminUserGlobalSignOut',
    ],
  );
});

test('platform gets the health-check calls and nothing more', () => {
  assert.deepEqual(actionsOf(functionOf('platform').statements).sort(), [
    'cognito-idp:DescribeUserPool',
    'dynamodb:GetItem',
    's3:ListBucket',
    'ses:GetAccount',
  ]);
});

test('each function gets the environment variables of the resources it may use', () => {
  const variablesOf = (feature: Feature) =>
    Object.keys((functionOf(feature).properties.Environment as { Variables?: object } | undefined)?.Variables ?? {})
      .filter((name) => name !== 'NODE_OPTIONS' && name !== 'COOPOL_VIEWER_KEY')
      .sort();
  assert.deepEqual(variablesOf('territory'), ['TABLE_NAME']);
  assert.deepEqual(variablesOf('identity'), ['MAIL_CONFIGURATION_SET', 'MAIL_FROM', 'PARTY_ADDRESS', 'PARTY_NAME', 'SITE_URL', 'TABLE_NAME', 'USER_POOL_CLIENT_ID', 'USER_POOL_ID']);
  assert.deepEqual(variablesOf('membership'), ['OFFICIAL_MFA_REQUIRED', 'TABLE_NAME']);
  // The access policy's settings: officials need TOTP, always in AWS.
  for (const feature of features.filter((f) => featureAccess[f].policy)) {
    const variables = (functionOf(feature).properties.Environment as { Variables: Record<string, unknown> }).Variables;
    assert.equal(variables.OFFICIAL_MFA_REQUIRED, 'true', feature);
  }
  assert.deepEqual(variablesOf('platform'), [
    'FILES_BUCKET',
    'MAIL_CONFIGURATION_SET',
    'MAIL_FROM',
    'PARTY_ADDRESS',
    'PARTY_NAME',
    'TABLE_NAME',
    'USER_POOL_CLIENT_ID',
    'USER_POOL_ID',
  ]);
  // Every feature checks the site's signature of a browser's address with the same key, a deploy-time
  // reference to a generated secret: never its value in the template.
  for (const feature of features) {
    const key = (functionOf(feature).properties.Environment as { Variables: Record<string, unknown> }).Variables.COOPOL_VIEWER_KEY;
    assert.match(JSON.stringify(key), /resolve:secretsmanager:/, feature);
  }
  // The field reports' ceilings reach the one Lambda that takes reports, as the stage sets them.
  const withCeilings = features.filter((f) => 'REPORT_CEILINGS' in ((functionOf(f).properties.Environment as { Variables: Record<string, unknown> }).Variables));
  assert.deepEqual(withCeilings, ['events']);
  assert.deepEqual(JSON.parse((functionOf('events').properties.Environment as { Variables: Record<string, string> }).Variables.REPORT_CEILINGS!), defaultReportCeilings);
  // The approval threshold of messages to a space's members reaches the one Lambda that sends them, as the stage sets it.
  const withThreshold = features.filter((f) => 'MAILING_APPROVAL_THRESHOLD' in ((functionOf(f).properties.Environment as { Variables: Record<string, unknown> }).Variables));
  assert.deepEqual(withThreshold, ['mailings']);
  assert.equal((functionOf('mailings').properties.Environment as { Variables: Record<string, string> }).Variables.MAILING_APPROVAL_THRESHOLD, '5000');
  // The party named in every mail to many reaches each function that mails, as the stage sets it.
  for (const feature of features.filter((f) => featureAccess[f].mail)) {
    assert.equal((functionOf(feature).properties.Environment as { Variables: Record<string, string> }).Variables.PARTY_NAME, 'Parti de démonstration', feature);
  }
  // Local-only endpoint overrides never reach AWS.
  const everything = JSON.stringify(template.toJSON());
  assert.doesNotMatch(everything, /_ENDPOINT/);
});

test("each feature's bundle loads exactly the config modules its declared access provides for", async () => {
  for (const feature of features) {
    const needed = await accessNeededBy(`functions/src/http/${feature}.ts`);
    const declared = Object.keys(featureAccess[feature]).sort();
    assert.deepEqual(declared, needed, `${feature}: infra/feature-access.ts declares ${declared}, its bundle needs ${needed}`);
  }
});
