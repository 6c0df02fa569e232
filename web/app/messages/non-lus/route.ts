import { routes } from '@coopol/contracts';
import { callAsSignedInFromRoute } from '../../../lib/api-route';

/** The « Messages » badge's count, asked again when a tab comes back into view (1 GetItem behind it). */
export async function GET(): Promise<Response> {
  return callAsSignedInFromRoute(routes.unreadTotal, {});
}
