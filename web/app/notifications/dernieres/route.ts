import { formatParisDateTimeShort, routes } from '@coopol/contracts';
import { getFromApiAsSignedIn } from '../../../lib/api-route';
import { openNotificationHref } from '../../../lib/notification-links';

/** The bell's short list: the latest notifications, each leading through its « mark read » link. */
export async function GET(): Promise<Response> {
  const got = await getFromApiAsSignedIn(`${routes.listNotifications.path}?limit=6`, 'Introuvable.');
  if ('refusal' in got) return got.refusal;
  const page = routes.listNotifications.response.parse(await got.answer.json());
  const items = page.items.map((n) => ({ id: n.id, text: n.text, at: n.at, when: formatParisDateTimeShort(n.at), read: n.read, href: openNotificationHref(n) }));
  return Response.json({ items }, { headers: { 'cache-control': 'private, no-store' } });
}
