import { findPreregistration } from '../../lookup';

/** « Télécharger mes données »: the preregistration as the API gives it, as a JSON file. */
export async function GET(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get('jeton') ?? undefined;
  const found = await findPreregistration(token);
  if (!found) {
    return Response.json({ error: 'NotFound', message: 'Ce lien ne mène à aucune pré-inscription.' }, { status: 404, headers: { 'cache-control': 'no-store' } });
  }
  return new Response(`${JSON.stringify(found, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="coopol-pre-inscription.json"',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    },
  });
}
