import { ForbiddenError } from '../../errors';
import { isNationalAdmin, requirePerson, usePowers, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';

/** Importing the party's member file is for national admins. */
export function mayImportMemberFile(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('member-file.admins-only');
  usePowers(person, options);
}
