import type { Me } from '../../contracts/platform';
import { UnauthorizedError } from '../errors';
import type { Actor } from './actor';

/** The signed-in person as the authorizer established them. */
export function describeActor(actor: Actor): Me {
  if (actor.kind !== 'user') throw new UnauthorizedError();
  return { sub: actor.sub, email: actor.email };
}
