import type { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import * as z from 'zod';
import { readConfig } from './config';

const config = readConfig({
  /**
   * The WebSocket API's connections endpoint (`https://<api>.execute-api.<region>.amazonaws.com/<stage>`);
   * locally the local gateway, which serves the same `/@connections/{id}` (infra/local/gateway.ts).
   */
  REALTIME_ENDPOINT: z.url(),
});

let loaded: Promise<{ client: ApiGatewayManagementApiClient; sdk: typeof import('@aws-sdk/client-apigatewaymanagementapi') }> | undefined;

/** API Gateway's management client, loaded on first push (ADR 0008). */
function management() {
  loaded ??= import('@aws-sdk/client-apigatewaymanagementapi').then((sdk) => ({
    sdk,
    client: new sdk.ApiGatewayManagementApiClient({ endpoint: config.REALTIME_ENDPOINT }),
  }));
  return loaded;
}

/**
 * Sends one frame to one connection. `gone` when API Gateway answers 410 (the tab was closed, the
 * connection expired): the caller deletes that connection, and only that one.
 */
export async function postToConnection(connectionId: string, data: string): Promise<'sent' | 'gone'> {
  const { client, sdk } = await management();
  try {
    await client.send(new sdk.PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(data) }));
    return 'sent';
  } catch (error) {
    if (error instanceof sdk.GoneException) return 'gone';
    throw error;
  }
}
