import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { isNationalAdmin, mayModerateSpace, mayViewEscalations, requirePerson } from '../access/policy';
import { NotFoundError } from '../errors';
import { type SpaceType, resolveSpaceForRules } from '../spaces/resolve';

/**
 * Who acts on a report made in a space (a salon's message, ADR 0029) — apart from moderation.ts, so
 * that the attachments' Lambda asks it without carrying posts and their Markdown (ADR 0014).
 */

/**
 * The moderators of the space a report was made in (its `spaceKey`); someone who may not see that
 * space is told the report does not exist.
 */
export async function moderatorsOfReportSpace(caller: Caller, spaceKey: string): Promise<void> {
  const [type, id] = spaceKey.split(':') as [SpaceType, string];
  const { space, facts } = await resolveSpaceForRules(caller, { type, id }, 'params.reportId').catch(() => {
    throw new NotFoundError('moderation.report-not-found', 'params.reportId');
  });
  mayModerateSpace(caller, space, facts, policyOptions);
}

/**
 * Who acts on a message's report: a private conversation's is the national team's; a salon's, its
 * space's moderators' (the national admins among them, who moderate every space they may see) — and
 * once sent up, the national team's too, secret group or not.
 */
export async function moderatesMessageReport(caller: Caller, report: { spaceKey: string; escalated?: string }): Promise<void> {
  const person = requirePerson(caller);
  if (report.spaceKey === 'national:national' || (report.escalated && isNationalAdmin(person))) mayViewEscalations(caller, policyOptions);
  else await moderatorsOfReportSpace(caller, report.spaceKey);
}
