import { ForbiddenError } from '../../errors';
import { hasGrant, isNationalAdmin, requirePerson, usePowers, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';

/** Rollout waves (create, edit, deploy, open, follow) are for national admins. */
export function mayManageWaves(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('Les vagues de déploiement sont gérées par l’administration nationale.');
  usePowers(person, options);
}

/** A part of the country whose rollout numbers someone looks at. */
export type RolloutScope = { kind: 'national' } | { kind: 'region'; code: string } | { kind: 'federation'; code: string };

/**
 * Rollout numbers (funnel, sign-ups): national admins see every scope; a federation's officers
 * see their own federation's.
 */
export function mayViewRolloutNumbers(caller: Caller, scope: RolloutScope, options: PolicyOptions): void {
  const person = requirePerson(caller);
  const allowed = isNationalAdmin(person) || (scope.kind === 'federation' && hasGrant(person, 'federation-officer', 'federation', scope.code));
  if (!allowed) throw new ForbiddenError('Ces chiffres sont réservés à l’administration nationale et aux responsables de la fédération.');
  usePowers(person, options);
}
