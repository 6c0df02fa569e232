import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { routeList } from '../../functions/src/contracts/routes';
import { api, testStack, type TestStack } from '../support/stack';

let stack: TestStack;
before(async () => {
  stack = testStack();
});

test('health reports each dependency, all reachable', async () => {
  const { status, body } = await api(stack, '/api/health');
  assert.equal(status, 200);
  assert.equal(body.status, 'ok');
  const dependencies = body.dependencies as Record<string, { status: string }>;
  assert.deepEqual(Object.keys(dependencies).sort(), ['files', 'mail', 'table', 'userPool']);
  for (const [name, dependency] of Object.entries(dependencies)) assert.equal(dependency.status, 'ok', name);
});

test('the OpenAPI 3.1 document describes every route of the route table', async () => {
  const { status, body } = await api(stack, '/api/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  const paths = body.paths as Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  for (const route of routeList) {
    const operation = paths[route.path]?.[route.method.toLowerCase()];
    assert.ok(operation, `${route.method} ${route.path} missing`);
    assert.equal((operation.security ?? []).length > 0, route.auth === 'jwt', `${route.path} security`);
    assert.ok(operation.responses[String(route.successStatus ?? 200)], `${route.path} success response`);
  }
  const schemas = (body.components as { schemas: Record<string, unknown> }).schemas;
  for (const name of ['Section', 'Region', 'Federation', 'ErrorResponse', 'PostalCodeResolution']) assert.ok(schemas[name], name);
});

test('every answer carries security headers', async () => {
  const { headers } = await api(stack, '/api/regions');
  assert.equal(headers.get('x-content-type-options'), 'nosniff');
  assert.match(headers.get('content-type') ?? '', /application\/json/);
});
