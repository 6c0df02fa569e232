import { routes } from '@coopol/contracts';
import { fillPath } from '../../../../lib/api-transport';
import { getFromApiAsSignedIn } from '../../../../lib/api-route';

/** The event's .ics file: fetched from the API with the person's token (the browser never holds it). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const got = await getFromApiAsSignedIn(fillPath(routes.getEventCalendar.path, { eventId: id }), 'Événement introuvable.');
  if ('refusal' in got) return got.refusal;
  return new Response(await got.answer.text(), {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="evenement-${id}.ics"` },
  });
}
