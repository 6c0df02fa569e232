import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import http from 'node:http';

/**
 * The local stack's write path tells the stream poller (infra/local/stream-poller.ts) that something
 * was written, so that the poller may sleep long when nothing happens and still look at once after a
 * write (ADR 0025). Nothing of this runs in AWS, where Lambda's event source mappings poll the stream.
 */

/** The worker's local endpoint for a nudge (on its scheduler server's port). */
export const nudgePath = '/stream-nudge';

const writes = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

/** Calls `nudge` after each write that DynamoDB accepted through this client (the handlers' shared client). */
export function nudgeOnWrites(client: DynamoDBClient, nudge: () => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (writes.test(context.commandName ?? '')) nudge();
      return result;
    },
    { step: 'initialize', name: 'coopolLocalStreamNudge' },
  );
}

/**
 * A nudge sent over loopback to the worker, at most one on the way at a time: writes made while one
 * is on the way are told by one more, sent when it answers. A worker down or restarting is not an
 * error: its poller looks again on its own soon after.
 */
export function nudgeOverLoopback(port: number): () => void {
  let sending = false;
  let again = false;
  const send = () => {
    sending = true;
    again = false;
    const req = http.request({ host: '127.0.0.1', port, path: nudgePath, method: 'POST', agent: false }, (res) => {
      res.resume();
      res.on('end', done);
    });
    req.on('error', done);
    req.end();
  };
  const done = () => {
    sending = false;
    if (again) send();
  };
  return () => {
    if (sending) again = true;
    else send();
  };
}
