import { hasAuthorityOverSpace, isGroupMember, requireRunsSpace, type GroupStanding, type PartySpace, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';
import { mayAttendWaveTraining } from './rollout';

/** Events and volunteer slots (issue 6): who organizes them, who sees them. */

/**
 * Creating events in a space (and so editing, cancelling and reporting on them) is for those who run
 * it. Group managers hold no official role: like their other group powers, no MFA is asked of them.
 */
export function mayOrganizeEvents(caller: Caller, space: PartySpace, options: PolicyOptions, standing?: GroupStanding): void {
  requireRunsSpace(caller, space, options, 'event.organizers-only', standing);
}

/** Whether the caller runs the event's space (no MFA check: for showing the buttons, not using them). */
export function runsSpace(caller: Caller, space: PartySpace, standing?: GroupStanding): boolean {
  return caller.kind === 'person' && hasAuthorityOverSpace(caller, space, standing);
}

export interface EventAudience {
  space: PartySpace;
  visibility: 'public' | 'supporters' | 'members' | 'section' | 'referents';
  /** A wave's training: the federations of its territories. */
  federations?: readonly string[];
  /** The caller's standing in the event's group (group events only). */
  group?: GroupStanding;
}

/**
 * Who sees an event: public → everyone, visitors included; supporters → every signed-in person;
 * members → every adhérent; section → the section's adhérents. A group's events other than public
 * ones are for the group's members only, the visibility narrowing further (« adhérents » among
 * them). A wave's training (referents) is for the web referents of the wave's territories. Its
 * organizers always see it.
 */
export function mayViewEvent(caller: Caller, event: EventAudience): boolean {
  if (event.visibility === 'public') return true;
  if (caller.kind !== 'person') return false;
  if (hasAuthorityOverSpace(caller, event.space, event.group)) return true;
  if (event.space.type === 'group' && !isGroupMember(event.group)) return false;
  switch (event.visibility) {
    case 'supporters':
      return true;
    case 'members':
      return caller.status === 'adherent';
    case 'section':
      return caller.status === 'adherent' && event.space.type === 'section' && caller.sectionId === event.space.id;
    case 'referents':
      return mayAttendWaveTraining(caller, event.federations ?? []);
  }
}
