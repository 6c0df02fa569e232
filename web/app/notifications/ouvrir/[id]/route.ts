import { routes } from '@coopol/contracts';
import { callApi, isApiError } from '../../../../lib/api';
import { safeNextPath } from '../../../../lib/session-core';
import { getSession } from '../../../../lib/session';

/**
 * Following a notification: it is marked read (one write behind it), then the browser goes where it
 * leads — a path on this site only. Signed out, to the sign-in page and back here.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const url = new URL(request.url);
  const to = safeNextPath(url.searchParams.get('vers'), '/notifications');
  const here = `${url.pathname}${url.search}`;
  const session = await getSession();
  if (!session) return new Response(null, { status: 303, headers: { location: `/connexion?suite=${encodeURIComponent(here)}` } });
  try {
    await callApi(routes.markNotificationRead, { params: { notificationId: id } }, { token: session.idToken });
  } catch (error) {
    // An unknown or malformed id still leads on: there is nothing to mark.
    if (!isApiError(error, 404) && !isApiError(error, 400)) throw error;
  }
  return new Response(null, { status: 303, headers: { location: to, 'cache-control': 'private, no-store' } });
}
