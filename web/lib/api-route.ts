import { callApi, isApiError, type AnyRoute, type CallInput } from './api';
import { getSession } from './session';

/**
 * For route handlers that pass on what the API answers (an event's .ics, a post's file): a GET to
 * the API with the signed-in person's token, which the browser never holds. Without a session, or
 * when the API refuses, the Response to send instead (a 400 on an id from the URL is not found).
 */
export async function getFromApiAsSignedIn(path: string, notFound: string): Promise<{ answer: Response } | { refusal: Response }> {
  const session = await getSession();
  if (!session) return { refusal: new Response('Connexion requise.', { status: 401 }) };
  const origin = process.env.COOPOL_API_ORIGIN;
  if (!origin) throw new Error('COOPOL_API_ORIGIN is not set');
  const answer = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${session.idToken}` }, cache: 'no-store' });
  if (!answer.ok) return { refusal: new Response(notFound, { status: answer.status === 400 ? 404 : answer.status }) };
  return { answer };
}

/**
 * For route handlers a client component calls (the live channel's ticket, the messages' badge): one
 * API route with the signed-in person's token, its answer as JSON. 401 without a session; the API's
 * refusal passed on with its status and body (a 400 on an id from the URL is not found).
 */
export async function callAsSignedInFromRoute<R extends AnyRoute>(route: R, input: CallInput<R>): Promise<Response> {
  const session = await getSession();
  if (!session) return new Response('Connexion requise.', { status: 401 });
  try {
    return Response.json(await callApi(route, input, { token: session.idToken }), { headers: { 'cache-control': 'private, no-store' } });
  } catch (error) {
    if (!isApiError(error)) throw error;
    return Response.json(error.body, { status: error.statusCode === 400 ? 404 : error.statusCode });
  }
}
