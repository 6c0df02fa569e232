import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { consumeTicket } from '../domain/messaging/realtime';
import { logger } from '../shared/logger';

/**
 * The WebSocket API's `$connect` authorizer (ADR 0029): the one-minute, single-use ticket of
 * `?ticket=` (POST /api/realtime/ticket) names the person, or the connection is refused (403).
 * The person's id goes on in the authorizer's context to `$connect` and nowhere else.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const userId = await consumeTicket(event.queryStringParameters?.ticket);
  if (!userId) logger.info('realtime connection refused: no valid ticket');
  return {
    principalId: userId ?? 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: userId ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
    ...(userId && { context: { userId } }),
  };
}
