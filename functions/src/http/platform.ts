import { buildOpenApiDocument } from '../contracts/openapi';
import { routes } from '../contracts/routes';
import { checkHealth } from '../domain/platform/health';
import { featureLambda, implement } from './kit/feature-lambda';

// Built once per container: the document only changes with a deploy.
const openApiDocument = buildOpenApiDocument();

/** Platform: health of every dependency, and the OpenAPI document. */
export const handler = featureLambda('platform', [
  implement(routes.health, async () => checkHealth()),
  implement(routes.openApi, async () => openApiDocument as unknown as Record<string, unknown>),
]);
