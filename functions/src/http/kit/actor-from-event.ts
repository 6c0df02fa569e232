import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { anonymous, type Actor } from '../../domain/identity/actor';

type Claims = Record<string, string | number | boolean | string[]>;

/** API Gateway flattens array claims to "[a b]" strings; accept both forms. */
function groupsFrom(value: Claims[string] | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || value.length === 0) return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function actorFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Actor {
  const claims = event.requestContext.authorizer?.jwt?.claims as Claims | undefined;
  if (!claims || typeof claims.sub !== 'string') return anonymous;
  return {
    kind: 'user',
    sub: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    groups: groupsFrom(claims['cognito:groups']),
    // API Gateway passes every claim as a string. A token without auth_time counts as the oldest.
    session: {
      id: typeof claims.origin_jti === 'string' && claims.origin_jti ? claims.origin_jti : null,
      authTime: Number(claims.auth_time ?? 0) || 0,
    },
  };
}
