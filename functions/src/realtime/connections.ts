import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { closeConnection, openConnection } from '../domain/messaging/realtime';
import { logger } from '../shared/logger';

/** What the WebSocket API adds to the event once the authorizer let the connection in. */
type WebsocketEvent = APIGatewayProxyWebsocketEventV2 & { requestContext: { authorizer?: { userId?: string } } };

/**
 * The WebSocket API's routes (ADR 0029): `$connect` keeps the connection as its person's,
 * `$disconnect` forgets it, `$default` answers the client's ping (`{"action":"ping"}`, every 5 min,
 * which also keeps API Gateway's 10-minute idle limit away). Pushing is the stream job's.
 */
export async function handler(event: WebsocketEvent): Promise<APIGatewayProxyResultV2> {
  const { routeKey, connectionId } = event.requestContext;
  switch (routeKey) {
    case '$connect': {
      const userId = event.requestContext.authorizer?.userId;
      if (!userId) return { statusCode: 403 };
      await openConnection(userId, connectionId);
      return { statusCode: 200 };
    }
    case '$disconnect':
      await closeConnection(connectionId);
      return { statusCode: 200 };
    default: {
      const ping = (() => {
        try {
          return (JSON.parse(event.body ?? '') as { action?: unknown }).action === 'ping';
        } catch {
          return false;
        }
      })();
      if (!ping) {
        logger.info('realtime frame ignored: the client only pings');
        return { statusCode: 200 };
      }
      return { statusCode: 200, body: JSON.stringify({ type: 'pong' }) };
    }
  }
}
