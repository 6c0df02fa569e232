import { ForbiddenError } from '../../errors';
import { hasGrant, isNationalAdmin, requirePerson, usePowers, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';

/** Rollout waves (create, edit, deploy, open, follow) are for national admins. */
export function mayManageWaves(caller: Caller, options: PolicyOptions): void {
  const person = requirePerson(caller);
  if (!isNationalAdmin(person)) throw new ForbiddenError('wave.admins-only');
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
  if (!allowed) throw new ForbiddenError('wave.numbers-restricted');
  usePowers(person, options);
}

/**
 * A wave's trainings (events of the national space, ADR 0023) are for the web referents of its
 * territories: a person holding the web-referent role of their own section, in one of the wave's
 * federations. Who runs the national space sees them too, as the organizers of any event do. Seeing
 * a training is not using a power: no TOTP step is asked.
 */
export function mayAttendWaveTraining(caller: Caller, federations: readonly string[]): boolean {
  if (caller.kind !== 'person' || !caller.sectionId) return false;
  return hasGrant(caller, 'web-referent', 'section', caller.sectionId) && federations.includes(caller.federationCode);
}
