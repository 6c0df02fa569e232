import { request as httpRequest } from 'node:http';
import { freePort } from '../../infra/local/processes';
import type { LocalPorts, LocalStack } from '../../infra/local/stack';

/**
 * The stack the tests talk to: real emulators and the real handlers behind the local gateway.
 * `npm test` (tests/run.ts) starts one on free ports and passes it to every test file in
 * COOPOL_TEST_STACK; `npm test -- tests/integration/x.test.ts` runs a subset against it.
 */
export type TestStack = Pick<LocalStack, 'urls' | 'env' | 'workerPidFile'>;

export async function freePorts(): Promise<LocalPorts> {
  return { site: await freePort(), web: await freePort(), dynamodb: await freePort(), cognito: await freePort(), ses: await freePort(), s3: await freePort() };
}

export function testStack(options: { web?: boolean } = {}): TestStack {
  const shared = process.env.COOPOL_TEST_STACK;
  if (!shared) throw new Error('These tests need the local stack: run them with `npm test` (or `npm test -- <files>`).');
  const stack = JSON.parse(shared) as TestStack & { web: boolean };
  if (options.web && !stack.web) throw new Error('The shared test stack was started without the site.');
  Object.assign(process.env, stack.env);
  return stack;
}

/** GET/POST through the gateway, returning status and parsed JSON. */
export async function api(stack: TestStack, path: string, init: RequestInit = {}) {
  const response = await fetch(`${stack.urls.site}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown> & { details?: { field: string; message: string }[] } };
}

/**
 * A JSON POST sent from another client: another loopback address (127.0.0.x all reach this machine
 * only), which the gateway reports as the request's source IP, as API Gateway does — for the
 * per-client limits, without spending the budget of 127.0.0.1 that every other test shares.
 */
export function postFrom(stack: TestStack, clientIp: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(path, stack.urls.site);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', localAddress: clientIp, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
