import { routes, type TextView } from '@coopol/contracts';
import type { z } from 'zod';
import { getFromApiAsSignedIn } from '../../../../lib/api-route';
import { fillPath } from '../../../../lib/api-transport';
import { toMarkdown } from '../../blocks-field';

/** The text's current version as a Markdown file, read from the API with the person's token (the browser never holds it). */
export async function GET(_request: Request, { params }: { params: Promise<{ textId: string }> }): Promise<Response> {
  const { textId } = await params;
  const got = await getFromApiAsSignedIn(fillPath(routes.getText.path, { textId }), 'Texte introuvable.');
  if ('refusal' in got) return got.refusal;
  const text = (await got.answer.json()) as z.output<typeof TextView>;
  return new Response(toMarkdown(text.title, text.version, text.blocks), {
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="texte-${textId}-v${text.version}.md"` },
  });
}
