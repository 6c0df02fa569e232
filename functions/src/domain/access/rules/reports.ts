import { ForbiddenError } from '../../errors';
import {
  hasAuthorityOverFederation,
  hasAuthorityOverSection,
  isGroupManager,
  isNationalAdmin,
  requirePerson,
  usePowers,
  type GroupStanding,
  type PolicyOptions,
} from '../authority';
import type { Caller } from '../caller';

/**
 * The field-report dashboards: a section's officials see their section; federation officers their
 * federation and its sections; national admins every level (regions have no officials of their own).
 */
export function mayViewReports(
  caller: Caller,
  level: 'section' | 'federation' | 'region' | 'national' | 'group',
  place: { id: string; federationCode?: string; standing?: GroupStanding },
  options: PolicyOptions,
): void {
  const person = requirePerson(caller);
  // A group's dashboard is its managers' (no official role, so no TOTP: as for their other group powers).
  if (level === 'group') {
    if (!isGroupManager(place.standing)) throw new ForbiddenError('field-report.group-managers-only');
    return;
  }
  const allowed =
    level === 'section'
      ? hasAuthorityOverSection(person, { sectionId: place.id, federationCode: place.federationCode ?? '' })
      : level === 'federation'
        ? hasAuthorityOverFederation(person, place.id)
        : isNationalAdmin(person);
  if (!allowed) throw new ForbiddenError('field-report.officials-only');
  usePowers(person, options);
}
