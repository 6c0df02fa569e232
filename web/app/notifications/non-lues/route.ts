import { routes } from '@coopol/contracts';
import { getFromApiAsSignedIn } from '../../../lib/api-route';

/** The bell's count, for the page to ask again while it is in view (1 GetItem behind it). */
export async function GET(): Promise<Response> {
  const got = await getFromApiAsSignedIn(routes.unreadNotifications.path, 'Introuvable.');
  if ('refusal' in got) return got.refusal;
  return Response.json(await got.answer.json(), { headers: { 'cache-control': 'private, no-store' } });
}
