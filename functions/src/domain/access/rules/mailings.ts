import { ForbiddenError } from '../../errors';
import { requirePerson, requireRunsSpace, type GroupStanding, type PartySpace, type PolicyOptions } from '../authority';
import type { Caller } from '../caller';

/**
 * Messages to a space's members (issue 16, ADR 0028): who speaks for a space — its officials and
 * those above them (a section's secretary and web referent, its federation's officers, national
 * admins), a group's managers to their group. Segments are built only over the space's own people.
 */
export function maySpeakForSpace(caller: Caller, space: PartySpace, options: PolicyOptions, standing?: GroupStanding): void {
  requireRunsSpace(caller, space, options, 'mailing.speakers-only', standing);
}

/** Whether a message needs a second person's approval: a federation's or the national level's, above the stage's threshold. */
export const needsApproval = (space: PartySpace, reach: number, threshold: number) => (space.type === 'federation' || space.type === 'national') && reach > threshold;

/** The two-person rule: someone else who speaks for the space approves a large message. */
export function mayApproveMailing(caller: Caller, space: PartySpace, authorId: string, options: PolicyOptions): void {
  maySpeakForSpace(caller, space, options);
  if (requirePerson(caller).userId === authorId) throw new ForbiddenError('mailing.approval-by-another');
}
