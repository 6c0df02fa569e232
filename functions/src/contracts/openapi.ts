import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { ErrorResponse } from './common';
import { routeList } from './routes';

const errorResponses = {
  '400': 'Champs invalides (le détail nomme chaque champ en cause)',
  '401': 'Connexion requise',
  '403': 'Accès refusé',
  '404': 'Ressource introuvable',
  '413': 'Contenu trop volumineux',
  '500': 'Erreur interne',
} as const;

/** OpenAPI 3.1 document generated from the route table; served at GET /api/openapi.json. */
export function buildOpenApiDocument(serverUrl = '/') {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routeList) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const relevantErrors = Object.entries(errorResponses).filter(([status]) => {
      if (status === '401') return route.auth === 'jwt';
      if (status === '413') return Boolean(route.body);
      if (status === '400') return Boolean(route.params || route.query || route.body);
      if (status === '404') return Boolean(route.params);
      return status === '500';
    });
    paths[route.path] = {
      ...paths[route.path],
      [method]: {
        summary: route.summary,
        tags: route.tags,
        ...(route.auth === 'jwt' ? { security: [{ cognito: [] }] } : { security: [] }),
        requestParams: {
          ...(route.params ? { path: route.params as never } : {}),
          ...(route.query ? { query: route.query as never } : {}),
        },
        ...(route.body ? { requestBody: { content: { 'application/json': { schema: route.body } } } } : {}),
        responses: {
          [String(route.successStatus ?? 200)]: {
            description: 'Succès',
            content: { [route.responseType === 'calendar' ? 'text/calendar' : 'application/json']: { schema: route.response } },
          },
          ...Object.fromEntries(
            relevantErrors.map(([status, description]) => [
              status,
              { description, content: { 'application/json': { schema: ErrorResponse } } },
            ]),
          ),
        },
      },
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'API Coopol',
      version: '0.1.0',
      description: 'API REST de Coopol, le réseau social et outil d’organisation militante du parti.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Jeton Cognito (id ou access)' },
      },
    },
    paths,
  });
}
