import type { TokenSession } from './sessions';

/**
 * Who is calling, as established by the JWT authorizer (API Gateway in AWS, the local gateway here).
 * Authorization rules take an Actor; they never read tokens or events themselves. An Actor carries no
 * role: roles live in the table and come with the Caller (access/load-caller.ts). `session`: what
 * the token says of its session (always there for a request through the API; absent for callers
 * built in-process, such as the demo seed).
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; sub: string; email: string | null; session?: TokenSession };

export const anonymous: Actor = { kind: 'anonymous' };
