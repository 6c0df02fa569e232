import { routes } from '../contracts/routes';
import { checkHealth } from '../domain/platform/health';
import { featureLambda, implement } from './kit/feature-lambda';

// Loaded and built on first request, then kept for the container's life: it only changes with a
// deploy, and loading the OpenAPI generator at init would slow every cold start of the health check.
let openApiDocument: Promise<Record<string, unknown>> | undefined;
const loadOpenApiDocument = async () =>
  (await import('../contracts/openapi')).buildOpenApiDocument() as unknown as Record<string, unknown>;

/** Platform: health of every dependency, and the OpenAPI document. */
export const handler = featureLambda('platform', [
  implement(routes.health, async () => checkHealth()),
  implement(routes.openApi, async () => (openApiDocument ??= loadOpenApiDocument())),
]);
