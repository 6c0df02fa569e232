import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Context } from 'aws-lambda';
import { DomainError } from '../../functions/src/domain/errors';

/**
 * The local stand-in for the Lambda service's Invoke API (`POST /2015-03-31/functions/{name}/invocations`,
 * RequestResponse only), which cognito-local calls to run the user pool's triggers. It runs the
 * same trigger modules AWS runs, in this process, and answers as Lambda does: the handler's result
 * as the payload, or `X-Amz-Function-Error: Unhandled` with `{errorType, errorMessage}` when it throws
 * (Cognito then answers UserLambdaValidationException "<trigger> failed with error <message>.").
 *
 * It listens on 127.0.0.1 on a port of its own, never behind the site's origin: in AWS nothing but
 * Cognito can invoke the triggers.
 */
export type InvokeHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface LambdaServiceOptions {
  /** The functions this service runs, by function name; loaded on first invoke. */
  functions: Record<string, () => Promise<InvokeHandler>>;
}

/** What Lambda passes a handler beside the event; `timeoutMs` is the function's timeout. */
export function invokeContext(functionName: string, requestId: string, timeoutMs = 5_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-3:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const payload = JSON.stringify(body ?? null);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export function createLambdaService(options: LambdaServiceOptions): http.Server {
  const loaded = new Map<string, Promise<InvokeHandler>>();
  const load = (name: string) => {
    if (!loaded.has(name)) loaded.set(name, options.functions[name]!());
    return loaded.get(name)!;
  };

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (!Object.hasOwn(options.functions, name)) {
      return send(res, 404, { Type: 'User', Message: `Function not found: ${name}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    }
    const invocationType = req.headers['x-amz-invocation-type'] ?? 'RequestResponse';
    if (invocationType !== 'RequestResponse') {
      return send(res, 400, { Type: 'User', Message: `Invocation type ${String(invocationType)} is not supported locally` }, {
        'x-amzn-errortype': 'InvalidParameterValueException',
      });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let event: unknown;
    try {
      event = raw ? JSON.parse(raw) : {};
    } catch {
      return send(res, 400, { Type: 'User', Message: 'Could not parse request body into json' }, { 'x-amzn-errortype': 'InvalidRequestContentException' });
    }
    const requestId = randomUUID();
    try {
      const handler = await load(name);
      const result = await handler(event, invokeContext(name, requestId));
      send(res, 200, result, { 'x-amz-executed-version': '$LATEST', 'x-amzn-requestid': requestId });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      // A domain error is the trigger saying no (e.g. a sign-up without registration): expected.
      if (!(err instanceof DomainError)) console.error(`[lambda] ${name} failed:`, err);
      send(
        res,
        200,
        { errorType: err.name, errorMessage: err.message, trace: (err.stack ?? '').split('\n') },
        { 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST', 'x-amzn-requestid': requestId },
      );
    }
  }

  return http.createServer((req, res) => {
    const name = req.method === 'POST' ? invokePath.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)?.[1] : undefined;
    if (!name) return send(res, 404, { message: 'Not Found' });
    invoke(req, res, decodeURIComponent(name)).catch((error: unknown) => {
      console.error('[lambda] unexpected failure:', error);
      if (!res.headersSent) send(res, 500, { Type: 'Service', Message: 'ServiceException' }, { 'x-amzn-errortype': 'ServiceException' });
    });
  });
}
