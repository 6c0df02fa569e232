import { ValidationError } from '../../errors';
import { requirePerson, type Person } from '../authority';
import type { Caller } from '../caller';

/** Anyone signed in may ask anyone else to be friends (« coopains »), never themselves. */
export function mayBefriend(caller: Caller, otherId: string): Person {
  const person = requirePerson(caller);
  if (person.userId === otherId) throw new ValidationError([{ field: 'params.userId', message: 'on ne se demande pas soi-même en coopain' }]);
  return person;
}
