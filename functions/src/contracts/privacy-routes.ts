import { EraseAccountRequest, ErasureStarted, RegisterOfProcessing } from './privacy';
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
  getRegisterOfProcessing: defineRoute({
    method: 'GET', path: '/api/privacy/register', feature: 'privacy', auth: 'public', tags: ['Vie privée'],
    summary: 'Le registre des traitements : chaque donnée, sa finalité, sa base légale, sa durée de conservation, ce qu’en font l’export et l’effacement',
    response: RegisterOfProcessing,
  }),
};
