import * as z from 'zod';
import { EraseAccountRequest, ErasureStarted, ExportDownload, ExportId, ExportList, ExportStatus, RegisterOfProcessing } from './privacy';
import { defineRoute } from './route';

/**
 * Privacy rights (issue 14, ADR 0024). Spread into the one route table (routes.ts); the `privacy`
 * Lambda imports these alone.
 */
export const privacyRoutes = {
  eraseMyAccount: defineRoute({
    method: 'DELETE', path: '/api/me', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Supprimer mon compte : confirmé par le mot de passe (et le code TOTP s’il est activé) ; effectif aussitôt, terminé en arrière-plan',
    body: EraseAccountRequest, response: ErasureStarted, successStatus: 202,
  }),
  requestExport: defineRoute({
    method: 'POST', path: '/api/me/exports', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Télécharger mes données : une archive (JSON, page lisible, fichiers) est préparée, puis un lien envoyé par e-mail',
    response: ExportStatus, successStatus: 202,
  }),
  listMyExports: defineRoute({
    method: 'GET', path: '/api/me/exports', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Mes demandes d’archive et leur avancement', response: ExportList,
  }),
  downloadExport: defineRoute({
    method: 'GET', path: '/api/me/exports/{exportId}/download', feature: 'privacy', auth: 'jwt', tags: ['Vie privée'],
    summary: 'Un lien de téléchargement frais de mon archive (quelques minutes), pour moi seulement',
    params: z.object({ exportId: ExportId }), response: ExportDownload,
  }),
  getRegisterOfProcessing: defineRoute({
    method: 'GET', path: '/api/privacy/register', feature: 'privacy', auth: 'public', tags: ['Vie privée'],
    summary: 'Le registre des traitements : chaque donnée, sa finalité, sa base légale, sa durée de conservation, ce qu’en font l’export et l’effacement',
    response: RegisterOfProcessing,
  }),
};
