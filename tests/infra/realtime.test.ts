import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { realtimeStageName } from '../../infra/stacks/realtime-stack';
import { accessNeededBy } from './bundle-needs';
import { synthesizeStage } from './stage-fixture';

// The live channel in CDK (issue 15, ADR 0029): the WebSocket API, its routes and authorizer, and the
// one grant that pushes — what `cdk deploy` would make, synthesized.

const stage = synthesizeStage();
const realtime = stage.template('realtime');

test('a WebSocket API with $connect behind the ticket authorizer, $disconnect, and $default answering the ping', () => {
  realtime.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  realtime.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' });
  realtime.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
    AuthorizerType: 'REQUEST',
    IdentitySource: ['route.request.querystring.ticket'],
  });
  realtime.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM', AuthorizerId: Match.anyValue() });
  realtime.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$disconnect', AuthorizationType: 'NONE' });
  realtime.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default', RouteResponseSelectionExpression: '$default' });
  realtime.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    StageName: realtimeStageName,
    AutoDeploy: true,
    AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('connectionId') },
  });
  // The access log never holds the query string (the ticket).
  const stages = realtime.findResources('AWS::ApiGatewayV2::Stage');
  for (const s of Object.values(stages)) assert.doesNotMatch(JSON.stringify(s), /querystring|\$context\.path/i);
});

test('the realtime functions touch the table only, and read only what their bundles need', async () => {
  for (const [name, fn] of Object.entries(stage.stacks.realtime.functions)) {
    const entry = `functions/src/realtime/${name}.ts`;
    assert.deepEqual(await accessNeededBy(entry), ['table'], entry);
    const role = fn.function.role!.node.defaultChild as CfnRole;
    const roleId = Stack.of(fn).getLogicalId(role);
    const policies = Object.values(realtime.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
    const actions = policies.flatMap((p) => (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => [s.Action].flat()));
    assert.ok(actions.every((a) => /^(dynamodb|xray|logs):/.test(a)), `${name}: ${actions.join(', ')}`);
  }
});

test('only the fan-out job may push, to this stage’s connections; only the messaging API gets the channel’s URL', () => {
  const jobs = stage.template('jobs');
  jobs.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Action: 'execute-api:ManageConnections', Effect: 'Allow', Resource: Match.anyValue() }),
      ]),
    },
  });
  const grants = Object.values({ ...jobs.findResources('AWS::IAM::Policy'), ...stage.template('api').findResources('AWS::IAM::Policy') }).filter((p) =>
    JSON.stringify(p.Properties.PolicyDocument).includes('execute-api:ManageConnections'),
  );
  assert.equal(grants.length, 1, 'one function may push');
  assert.match(JSON.stringify(grants[0]), new RegExp(`/${realtimeStageName}/POST/@connections/\\*`));
  jobs.hasResourceProperties('AWS::Lambda::Function', {
    Description: 'Coopol job: inboxes, unread totals and live pushes of messages and the bell',
    Environment: { Variables: Match.objectLike({ REALTIME_ENDPOINT: Match.anyValue() }) },
  });
  const api = stage.template('api');
  const withUrl = Object.values(api.findResources('AWS::Lambda::Function')).filter((f) => 'REALTIME_URL' in (f.Properties.Environment?.Variables ?? {}));
  assert.deepEqual(withUrl.map((f) => f.Properties.Description), ['Coopol API: messaging']);
});
