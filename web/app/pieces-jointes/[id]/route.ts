import { routes } from '@coopol/contracts';
import { fillPath } from '../../../lib/api-transport';
import { getFromApiAsSignedIn } from '../../../lib/api-route';

/**
 * A post's file: the API issues a link of a few minutes only to someone who may read the post
 * (ADR 0014); we send the browser there. Images in posts and download links both point here, so the
 * bucket's addresses never sit in a page for longer than a visit.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const got = await getFromApiAsSignedIn(fillPath(routes.getAttachmentLink.path, { attachmentId: id }), 'Fichier introuvable.');
  if ('refusal' in got) return got.refusal;
  const { url } = (await got.answer.json()) as { url: string };
  return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'private, no-store' } });
}
