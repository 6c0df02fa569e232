import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { anonymous, type Actor } from '../../domain/identity/actor';

type Claims = Record<string, string | number | boolean | string[]>;

export function actorFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Actor {
  const claims = event.requestContext.authorizer?.jwt?.claims as Claims | undefined;
  if (!claims || typeof claims.sub !== 'string') return anonymous;
  return {
    kind: 'user',
    sub: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    // API Gateway passes every claim as a string. A token without auth_time counts as the oldest.
    session: {
      id: typeof claims.origin_jti === 'string' && claims.origin_jti ? claims.origin_jti : null,
      authTime: Number(claims.auth_time ?? 0) || 0,
    },
  };
}
