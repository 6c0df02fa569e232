import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { routes } from '../../functions/src/contracts/routes';
import { createTestPerson, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';

// The OpenAPI document the API serves, as an outside developer would use it: linted with Redocly's
// recommended rules, then turned into a TypeScript client (openapi-typescript + openapi-fetch) that
// must type-check and answer real calls.
const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
let stack: TestStack;
let document: Record<string, unknown>;
let person: TestPerson;
const run = randomUUID().slice(0, 6);
const generatedDir = path.join(import.meta.dirname, '..', '.generated', `openapi-${run}`);

before(async () => {
  stack = testStack();
  document = (await api(stack, '/api/openapi.json')).body as Record<string, unknown>;
  person = await createTestPerson(stack, { email: `openapi-${run}@coopol.example`, postalCode: '68100', givenName: 'Ophélie' });
});
after(() => rm(generatedDir, { recursive: true, force: true }));

describe('the OpenAPI document', () => {
  test('passes Redocly’s recommended rules with nothing but the licence warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    assert.deepEqual(
      problems.map((p) => p.ruleId),
      ['info-license'],
      described.join('\n'),
    );
  });

  test('names each operation after its route, and documents each body with the type the route takes', () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>>;
    const ids = new Set<string>();
    for (const [name, route] of Object.entries(routes)) {
      const operation = paths[route.path]![route.method.toLowerCase()]!;
      assert.equal(operation.operationId, name);
      ids.add(operation.operationId);
      if (route.body) assert.deepEqual(Object.keys(operation.requestBody!.content), [route.bodyType === 'csv' ? 'text/csv' : 'application/json'], name);
    }
    assert.equal(ids.size, Object.keys(routes).length, 'operation ids are unique');
    assert.deepEqual(Object.keys(paths['/api/member-file']!.post!.requestBody!.content), ['text/csv']);
  });
});

describe('a client generated from it', () => {
  const client = `
import createClient from 'openapi-fetch';
import type { paths } from './api';

export async function useCoopol(baseUrl: string, idToken: string) {
  const coopol = createClient<paths>({ baseUrl });
  const regions = await coopol.GET('/api/regions');
  const federation = await coopol.GET('/api/federations/{federationCode}', { params: { path: { federationCode: '68' } } });
  const unknown = await coopol.GET('/api/federations/{federationCode}', { params: { path: { federationCode: 'zz' } } });
  const me = await coopol.GET('/api/me/profile', { headers: { authorization: \`Bearer \${idToken}\` } });
  return {
    regionNames: (regions.data?.items ?? []).map((region) => region.name),
    federationName: federation.data?.name,
    refusal: unknown.error ? { statusCode: unknown.error.statusCode, fields: (unknown.error.details ?? []).map((d) => d.field) } : undefined,
    givenName: me.data?.givenName,
  };
}
`;
  // The same call with a path parameter missing: the generated types must refuse it.
  const wrongClient = `
import createClient from 'openapi-fetch';
import type { paths } from './api';
export const wrong = () => createClient<paths>({ baseUrl: 'http://127.0.0.1' }).GET('/api/federations/{federationCode}', { params: { path: {} } });
`;

  /** tsc in a child process (a long synchronous compile here would stall this process's sockets). */
  async function typeErrors(file: string): Promise<string> {
    const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
    const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', file];
    try {
      await execFileAsync(process.execPath, args, { cwd: generatedDir });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  }

  test('type-checks, refuses a call that misses a parameter, and answers real calls as its types say', async () => {
    await mkdir(generatedDir, { recursive: true });
    await writeFile(path.join(generatedDir, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(path.join(generatedDir, 'api.ts'), astToString(await openapiTS(document as never)));
    await writeFile(path.join(generatedDir, 'client.ts'), client);
    await writeFile(path.join(generatedDir, 'wrong.ts'), wrongClient);

    assert.equal(await typeErrors('client.ts'), '');
    assert.match(await typeErrors('wrong.ts'), /federationCode/, 'a missing path parameter is a type error');

    const { useCoopol } = (await import(pathToFileURL(path.join(generatedDir, 'client.ts')).href)) as {
      useCoopol: (baseUrl: string, idToken: string) => Promise<{ regionNames: string[]; federationName?: string; refusal?: { statusCode: number; fields: string[] }; givenName?: string }>;
    };
    const answers = await useCoopol(stack.urls.site, person.idToken);
    assert.ok(answers.regionNames.includes('Grand Est'));
    assert.match(answers.federationName ?? '', /Haut-Rhin/);
    assert.equal(answers.refusal?.statusCode, 400);
    assert.deepEqual(answers.refusal?.fields, ['params.federationCode']);
    assert.equal(answers.givenName, 'Ophélie');
  });
});
