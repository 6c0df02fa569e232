import type { Caller } from '../access/caller';
import { requirePerson } from '../access/authority';
import { ConflictError, NotFoundError } from '../errors';
import { ReportEntity } from '../social/entities';
import { newId } from '../social/new-id';
import { toReport } from '../social/report-view';
import { MessageEntity } from './entities';
import { messageInstant } from './ids';
import { participationOf } from './service';
import { salonSpaceOf } from './salon-spaces';
import { spaceKeyOf } from '../spaces/keys';

/**
 * Reporting a message (issue 15, ADR 0029 § Reports). In a conversation of two or a few people it
 * goes to the national moderation team at once (the report is made escalated, into the queue of
 * `GET /api/reports/escalated`), which sees the reported message alone — its words, author and time,
 * copied into the report — never the rest of the conversation: no route gives it to them. They withdraw
 * it with `hideReportedMessage` (social/moderation.ts). In a salon it goes to its space's moderators,
 * in their queue (S19) like a post's report, who may withdraw it too — or send it up to the national team.
 */
const NATIONAL = 'national:national';

/** A participant reports one message of their conversation (anyone else: 404, as for an unknown conversation). */
export async function reportMessage(caller: Caller, conversationId: string, messageId: string, input: { reason: string }) {
  const person = requirePerson(caller);
  await participationOf(person, conversationId);
  const salon = salonSpaceOf(conversationId);
  const { data: message } = await MessageEntity.get({ conversationId, messageId }).go();
  if (!message) throw new NotFoundError('message.not-found', 'params.messageId');
  if (message.deletedAt) throw new ConflictError('message.deleted', [{ field: 'params.messageId', message: 'message supprimé' }]);
  const report = {
    reportId: newId(),
    spaceKey: salon ? spaceKeyOf(salon) : NATIONAL,
    conversationId,
    messageId,
    messageText: message.text,
    ...(message.attachments?.length && { messageAttachments: message.attachments }),
    messageAuthorId: message.authorId,
    messageAuthorName: message.authorName,
    messageAt: messageInstant(messageId).toISOString(),
    reason: input.reason,
    reporterId: person.userId,
    at: new Date().toISOString(),
    ...(!salon && { escalated: 'escalated' as const }),
  };
  await ReportEntity.create(report).go();
  return toReport(report);
}
