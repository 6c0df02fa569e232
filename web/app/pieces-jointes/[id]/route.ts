import { routes } from '@coopol/contracts';
import { fillPath } from '../../../lib/api-transport';
import { getSession } from '../../../lib/session';

/**
 * A post's file: the API issues a link of a few minutes only to someone who may read the post
 * (ADR 0014); we send the browser there. Images in posts and download links both point here, so the
 * bucket's addresses never sit in a page for longer than a visit.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await getSession();
  if (!session) return new Response('Connexion requise.', { status: 401 });
  const { id } = await params;
  const origin = process.env.COOPOL_API_ORIGIN;
  if (!origin) throw new Error('COOPOL_API_ORIGIN is not set');
  const answer = await fetch(`${origin}${fillPath(routes.getAttachmentLink.path, { attachmentId: id })}`, {
    headers: { authorization: `Bearer ${session.idToken}` },
    cache: 'no-store',
  });
  if (!answer.ok) return new Response('Fichier introuvable.', { status: answer.status === 400 ? 404 : answer.status });
  const { url } = (await answer.json()) as { url: string };
  return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'private, no-store' } });
}
