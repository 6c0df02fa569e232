import { routes } from '@coopol/contracts';
import { callAsSignedInFromRoute } from '../../../lib/api-route';

/** A one-minute, single-use ticket for the live channel (`lib/realtime`): the session's token never leaves the server. */
export async function POST(): Promise<Response> {
  return callAsSignedInFromRoute(routes.issueRealtimeTicket, {});
}
