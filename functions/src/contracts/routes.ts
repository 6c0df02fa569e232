import { HealthReport, OpenApiDocument } from './platform';
import { calendarRoutes } from './calendar-routes';
import { documentRoutes } from './documents-routes';
import { eventRoutes } from './events-routes';
import { identityRoutes } from './identity-routes';
import { mailingRoutes } from './mailings-routes';
import { messagingRoutes } from './messaging-routes';
import { membershipRoutes } from './membership-routes';
import { peopleRoutes } from './people-routes';
import { privacyRoutes } from './privacy-routes';
import { defineRoute, type RouteContract } from './route';
import { rolloutRoutes } from './rollout-routes';
import { socialRoutes } from './social-routes';
import { territoryRoutes } from './territory-routes';
import { textRoutes } from './texts-routes';
import { visitorRoutes } from './visitor-routes';

/**
 * Every route of the API. Adding a route to a feature's table (`<feature>-routes.ts`) adds it to CDK,
 * the local gateway and OpenAPI. Each feature's Lambda imports its own table only; the platform
 * Lambda imports this one (OpenAPI describes every route).
 */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    feature: 'platform',
    auth: 'public',
    summary: 'État du service et de chacune de ses dépendances',
    tags: ['Plateforme'],
    response: HealthReport,
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    feature: 'platform',
    auth: 'public',
    summary: 'Ce document OpenAPI',
    tags: ['Plateforme'],
    response: OpenApiDocument,
  }),
  ...territoryRoutes,
  ...identityRoutes,
  ...peopleRoutes,
  ...membershipRoutes,
  ...eventRoutes,
  ...calendarRoutes,
  ...visitorRoutes,
  ...rolloutRoutes,
  ...socialRoutes,
  ...privacyRoutes,
  ...mailingRoutes,
  ...messagingRoutes,
  ...textRoutes,
  ...documentRoutes,
} satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof routes;
export const routeList: RouteContract[] = Object.values(routes);
