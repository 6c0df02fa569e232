import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { mayModerateSpace, mayViewEscalations, requirePerson } from '../access/policy';
import { NotFoundError, ValidationError } from '../errors';
import { PersonEntity } from '../people/entities';
import { CommentEntity, ReportEntity, SpaceBlockEntity } from './entities';
import { toReport } from './report-view';
import { MessageEntity } from '../messaging/entities';
import { withdrawMessage } from '../messaging/withdraw';
import { newId, readablePost } from './posts';
import { badCursor } from '../paging';
import { displayName, factsIn, spaceOfPost } from './spaces';
import { type SpaceType, resolveSpaceForRules, spaceKeyOf } from '../spaces/resolve';
import { moderatesMessageReport, moderatorsOfReportSpace } from './report-access';

/** Anyone who may read a post reports it (or one of its comments) to the moderators of its space. */
export async function reportContent(caller: Caller, postId: string, input: { reason: string; commentId?: string }) {
  const person = requirePerson(caller);
  const { item, space } = await readablePost(caller, postId);
  if (input.commentId) {
    const { data } = await CommentEntity.query.byPost({ postId }).where((attr, op) => op.eq(attr.commentId, input.commentId!)).go({ pages: 'all' });
    if (!data.length) throw new ValidationError([{ field: 'body.commentId', message: 'commentaire introuvable' }]);
  }
  const report = { reportId: newId(), spaceKey: spaceKeyOf(space), postId: item.postId, commentId: input.commentId, reason: input.reason, reporterId: person.userId, at: new Date().toISOString() };
  await ReportEntity.create(report).go();
  return toReport(report);
}

/** The reports of a space, newest first (S19), for its moderators. */
export async function listSpaceReports(caller: Caller, ref: { type: SpaceType; id: string }, page: { cursor?: string; limit: number }) {
  const { space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  mayModerateSpace(caller, space, facts, policyOptions);
  const result = await ReportEntity.query.bySpace({ spaceKey: spaceKeyOf(space) }).go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  return { items: result.data.map(toReport), nextCursor: result.cursor ?? null };
}

/** A space's moderators send a report up to the national admins. */
export async function escalateReport(caller: Caller, reportId: string) {
  const { data: report } = await ReportEntity.get({ reportId }).go();
  if (report?.messageId) {
    // A salon's message, by its space's moderators (a private conversation's went to the national team as it was made).
    await moderatorsOfReportSpace(caller, report.spaceKey);
    await ReportEntity.patch({ reportId }).set({ escalated: 'escalated' }).go();
    return toReport({ ...report, escalated: 'escalated' });
  }
  if (!report?.postId) throw new NotFoundError('moderation.report-not-found', 'params.reportId');
  const { item } = await readablePost(caller, report.postId).catch(() => {
    throw new NotFoundError('moderation.report-not-found', 'params.reportId');
  });
  const space = spaceOfPost(item);
  mayModerateSpace(caller, space, await factsIn(caller, space), policyOptions);
  await ReportEntity.patch({ reportId }).set({ escalated: 'escalated' }).go();
  return toReport({ ...report, escalated: 'escalated' });
}

/** What was escalated, newest first, for national admins. */
export async function listEscalations(caller: Caller, page: { cursor?: string; limit: number }) {
  mayViewEscalations(caller, policyOptions);
  const result = await ReportEntity.query.escalations({ escalated: 'escalated' }).go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  return { items: result.data.map(toReport), nextCursor: result.cursor ?? null };
}

/** Block or unblock one person from posting and commenting in one space — and nowhere else (S20). */
export async function setBlocked(caller: Caller, ref: { type: SpaceType; id: string }, userId: string, blocked: boolean) {
  const person = requirePerson(caller);
  const { space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  mayModerateSpace(caller, space, facts, policyOptions);
  if (userId === person.userId) throw new ValidationError([{ field: 'params.userId', message: 'on ne se bloque pas soi-même' }]);
  if (blocked) await SpaceBlockEntity.put({ spaceKey: spaceKeyOf(space), userId, blockedBy: person.userId, at: new Date().toISOString() }).go();
  else await SpaceBlockEntity.delete({ spaceKey: spaceKeyOf(space), userId }).go();
  return { blocked };
}

/** The names of these people, by id (one BatchGet of P1; a person gone since keeps an empty name). */
async function namesOf(userIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let keys = [...new Set(userIds)].map((userId) => ({ userId }));
  for (let attempt = 0; keys.length && attempt < 5; attempt++) {
    const { data, unprocessed } = await PersonEntity.get(keys).go({ attributes: ['userId', 'givenName', 'familyName'] });
    for (const person of data) names.set(person.userId, displayName(person));
    keys = unprocessed as { userId: string }[];
  }
  return names;
}

/** Who is blocked from posting in a space, by id (S20: 1 Query page), with who blocked them and when, for its moderators. */
export async function listSpaceBlocks(caller: Caller, ref: { type: SpaceType; id: string }, page: { cursor?: string; limit: number }) {
  const { space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  mayModerateSpace(caller, space, facts, policyOptions);
  const result = await SpaceBlockEntity.query.bySpace({ spaceKey: spaceKeyOf(space) }).go({ cursor: page.cursor ?? null, limit: page.limit }).catch(badCursor(page.cursor));
  const names = await namesOf(result.data.flatMap((b) => [b.userId, b.blockedBy]));
  return {
    items: result.data.map((b) => ({
      userId: b.userId,
      displayName: names.get(b.userId) ?? '',
      blockedBy: { userId: b.blockedBy, displayName: names.get(b.blockedBy) ?? '' },
      at: b.at,
    })),
    nextCursor: result.cursor ?? null,
  };
}

/**
 * The national team (a salon's: its space's moderators) withdraws a reported message: it becomes « Message supprimé » for everyone (its
 * words erased, the inbox previews and open tabs following through the stream, as a deletion), and the
 * report says so.
 */
export async function hideReportedMessage(caller: Caller, reportId: string) {
  const { data: report } = await ReportEntity.get({ reportId }).go();
  if (!report?.messageId || !report.conversationId) {
    mayViewEscalations(caller, policyOptions);
    throw new NotFoundError('moderation.report-not-found', 'params.reportId');
  }
  await moderatesMessageReport(caller, report);
  const { data: message } = await MessageEntity.get({ conversationId: report.conversationId, messageId: report.messageId }).go();
  if (message && !message.deletedAt) await withdrawMessage(message);
  await ReportEntity.patch({ reportId }).set({ messageHidden: 'hidden' }).go();
  return toReport({ ...report, messageHidden: 'hidden' });
}
