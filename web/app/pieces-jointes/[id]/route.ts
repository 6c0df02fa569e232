import { routes } from '@coopol/contracts';
import { fillPath } from '../../../lib/api-transport';
import { getFromApiAsSignedIn } from '../../../lib/api-route';

/**
 * A post's or a message's file: the API issues a link of a few minutes only to someone who may read
 * the post or the conversation, or moderates the message's report (ADR 0014); we send the browser there. Images in posts and download links both point here, so the
 * bucket's addresses never sit in a page for longer than a visit.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  // A reported message's file, asked by its moderators through the report (`?signalement=<id>`).
  const report = new URL(request.url).searchParams.get('signalement');
  const query = report ? `?${new URLSearchParams({ report })}` : '';
  const got = await getFromApiAsSignedIn(`${fillPath(routes.getAttachmentLink.path, { attachmentId: id })}${query}`, 'Fichier introuvable.');
  if ('refusal' in got) return got.refusal;
  const { url } = (await got.answer.json()) as { url: string };
  return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'private, no-store' } });
}
