import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validations } from 'aws-cdk-lib';
import { HttpRoute, type CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { routeKey } from '../../functions/src/contracts/route';
import { routeList } from '../../functions/src/contracts/routes';
import { synthesizeStage, unacknowledgedFindings } from './stage-fixture';

const prodWithDomain = {
  stage: 'prod',
  domainName: 'coopol.example',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
  mailFrom: 'ne-pas-repondre@coopol.example',
  alarmEmail: 'astreinte@coopol.example',
};

// cdk-nag runs inside the synth through CDK's Validations API (infra/nag.ts): an unacknowledged
// finding of either pack makes `app.synth()` throw, as it makes `cdk synth` fail.
test('prod (WAF, custom domain): AwsSolutions and Serverless find nothing unacknowledged', () => {
  const stage = synthesizeStage(prodWithDomain);
  assert.ok(stage.stacks.edge, 'prod has its WAF stack');
  assert.deepEqual(unacknowledgedFindings(stage.app), []);
});

test('a stage with the defaults (no WAF, no domain) passes too, each missing piece acknowledged with its reason', () => {
  const stage = synthesizeStage();
  assert.equal(stage.stacks.edge, undefined);
  assert.deepEqual(unacknowledgedFindings(stage.app), []);
});

test('a wildcard grant nobody explained fails the synth, naming the rule and the construct', () => {
  const stage = synthesizeStage();
  stage.stacks.api.functions.territory.function.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
  const findings = unacknowledgedFindings(stage.app);
  assert.ok(findings.length > 0, 'the synth fails');
  assert.ok(
    findings.some((f) => /AwsSolutions-IAM5\[Action::dynamodb:\*\]/.test(f) && f.includes('coopol-dev-api/Feature-territory/')),
    findings.join('\n'),
  );
});

test('a route without a token is acknowledged alone, with its own reason from infra/api-limits.ts; jwt routes are not', () => {
  const stage = synthesizeStage();
  const routes = stage.stacks.api.httpApi.node.findAll().filter((c): c is HttpRoute => c instanceof HttpRoute);
  assert.equal(routes.length, routeList.length);
  const acknowledged = (route: HttpRoute): Record<string, string> =>
    Object.assign({}, ...route.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data as Record<string, string>));
  const reasons = new Set<string>();
  for (const contract of routeList) {
    const route = routes.find((r) => (r.node.defaultChild as CfnRoute).routeKey === routeKey(contract));
    assert.ok(route, routeKey(contract));
    const rules = acknowledged(route);
    const apig4 = Object.entries(rules).find(([id]) => id.endsWith('AwsSolutions-APIG4'))?.[1];
    if (contract.auth === 'public') {
      assert.ok(apig4?.startsWith(`${routeKey(contract)} is public: `), `${routeKey(contract)} carries its reason`);
      reasons.add(apig4!);
    } else {
      assert.equal(apig4, undefined, `${routeKey(contract)} needs the authorizer, no acknowledgment`);
    }
  }
  // No blanket rule on the API or its stack: each acknowledgment sits on its route.
  for (const scope of [stage.stacks.api, stage.stacks.api.httpApi]) {
    const onScope = scope.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    assert.equal(onScope.length, 0, scope.node.path);
  }
  assert.equal(reasons.size, routeList.filter((r) => r.auth === 'public').length);
});
