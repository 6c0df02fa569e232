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
