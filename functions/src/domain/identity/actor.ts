/**
 * Who is calling, as established by the JWT authorizer (API Gateway in AWS, the local gateway here).
 * Authorization rules take an Actor; they never read tokens or events themselves.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; sub: string; email: string | null; groups: string[] };

export const anonymous: Actor = { kind: 'anonymous' };
