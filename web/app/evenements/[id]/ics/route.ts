import { routes } from '@coopol/contracts';
import { fillPath } from '../../../../lib/api-transport';
import { getSession } from '../../../../lib/session';

/** The event's .ics file: fetched from the API with the person's token (the browser never holds it). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await getSession();
  if (!session) return new Response('Connexion requise.', { status: 401 });
  const { id } = await params;
  const origin = process.env.COOPOL_API_ORIGIN;
  if (!origin) throw new Error('COOPOL_API_ORIGIN is not set');
  const answer = await fetch(`${origin}${fillPath(routes.getEventCalendar.path, { eventId: id })}`, {
    headers: { authorization: `Bearer ${session.idToken}` },
    cache: 'no-store',
  });
  if (!answer.ok) return new Response('Événement introuvable.', { status: answer.status === 400 ? 404 : answer.status });
  return new Response(await answer.text(), {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="evenement-${id}.ics"` },
  });
}
