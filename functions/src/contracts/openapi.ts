import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { ErrorResponse } from './common';
import type { RouteContract } from './route';
import { routes } from './routes';

const errorResponses = {
  '400': 'Champs invalides (le détail nomme chaque champ en cause)',
  '401': 'Connexion requise',
  '403': 'Accès refusé',
  '404': 'Ressource introuvable',
  '413': 'Contenu trop volumineux',
  '415': 'Type de contenu refusé (le détail nomme celui qui est attendu)',
  '429': 'Trop de requêtes : réessayez après le délai donné par Retry-After',
  '500': 'Erreur interne',
} as const;

/** OpenAPI 3.1 document generated from the route table; served at GET /api/openapi.json. */
export function buildOpenApiDocument(serverUrl = '/') {
  const paths: ZodOpenApiPathsObject = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const relevantErrors = Object.entries(errorResponses).filter(([status]) => {
      if (status === '401') return route.auth === 'jwt';
      if (status === '413' || status === '415') return Boolean(route.body);
      if (status === '400') return Boolean(route.params || route.query || route.body);
      if (status === '404') return Boolean(route.params);
      // Any route may be throttled (API Gateway's stage limits, and the per-person limits of the domain).
      return status === '429' || status === '500';
    });
    const bodyMediaType = route.bodyType === 'csv' ? 'text/csv' : 'application/json';
    paths[route.path] = {
      ...paths[route.path],
      [method]: {
        // The route's name in the route table: what generated clients call the operation.
        operationId: name,
        summary: route.summary,
        tags: route.tags,
        ...(route.auth === 'jwt' ? { security: [{ cognito: [] }] } : { security: [] }),
        requestParams: {
          ...(route.params ? { path: route.params as never } : {}),
          ...(route.query ? { query: route.query as never } : {}),
        },
        ...(route.body ? { requestBody: { required: true, content: { [bodyMediaType]: { schema: route.body } } } } : {}),
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
