import { routes } from '../contracts/routes';
import { describeActor } from '../domain/identity/service';
import { featureLambda, implement } from './kit/feature-lambda';

/** Identity: who is calling. */
export const handler = featureLambda('identity', [implement(routes.me, async ({ actor }) => describeActor(actor))]);
