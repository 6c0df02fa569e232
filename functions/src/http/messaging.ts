import { messagingRoutes as routes } from '../contracts/messaging-routes';
import * as messaging from '../domain/messaging/service';
import { blockPerson, myBlocks, unblockPerson } from '../domain/messaging/blocks';
import { issueTicket } from '../domain/messaging/realtime';
import { reportMessage } from '../domain/messaging/reports';
import { getSalon, joinSalon, setSalonOpen } from '../domain/messaging/salons';
import { realtimeUrl } from '../shared/realtime-url';
import { featureLambda, implement } from './kit/feature-lambda';

/** Live messaging (issue 15, ADR 0029): conversations, their messages, read markers, the inbox. */
export const handler = featureLambda('messaging', [
  implement(routes.startConversation, async ({ caller, body }) => (await messaging.startConversation(caller, body.participantIds)).conversation, { caller: true }),
  implement(routes.listInbox, async ({ caller, query }) => messaging.listInbox(caller, query), { caller: true }),
  implement(routes.getConversation, async ({ caller, params }) => messaging.getConversation(caller, params.conversationId), { caller: true }),
  implement(routes.listMessages, async ({ caller, params, query }) => messaging.listMessages(caller, params.conversationId, query), { caller: true }),
  implement(routes.sendMessage, async ({ caller, params, body }) => (await messaging.sendMessage(caller, params.conversationId, body)).message, { caller: true }),
  implement(routes.editMessage, async ({ caller, params, body }) => messaging.editMessage(caller, params.conversationId, params.messageId, body.text), { caller: true }),
  implement(routes.deleteMessage, async ({ caller, params }) => messaging.deleteMessage(caller, params.conversationId, params.messageId), { caller: true }),
  implement(routes.reportMessage, async ({ caller, params, body }) => reportMessage(caller, params.conversationId, params.messageId, body), { caller: true }),
  implement(routes.leaveConversation, async ({ caller, params }) => messaging.leaveConversation(caller, params.conversationId), { caller: true }),
  implement(routes.muteConversation, async ({ caller, params, body }) => messaging.muteConversation(caller, params.conversationId, body.muted), { caller: true }),
  implement(routes.markConversationRead, async ({ caller, params, body }) => messaging.markRead(caller, params.conversationId, body.lastReadMessageId), { caller: true }),
  implement(routes.issueRealtimeTicket, async ({ caller }) => issueTicket(caller, realtimeUrl()), { caller: true }),
  implement(routes.unreadTotal, async ({ caller }) => messaging.unreadTotal(caller), { caller: true }),
  implement(routes.listMyBlocks, async ({ caller }) => myBlocks(caller), { caller: true }),
  implement(routes.blockPerson, async ({ caller, params }) => blockPerson(caller, params.userId), { caller: true }),
  implement(routes.getSalon, async ({ caller, params }) => getSalon(caller, { type: params.spaceType, id: params.spaceId }), { caller: true }),
  implement(routes.setSalonOpen, async ({ caller, params, body }) => setSalonOpen(caller, { type: params.spaceType, id: params.spaceId }, body.open), { caller: true }),
  implement(routes.joinSalon, async ({ caller, params }) => joinSalon(caller, { type: params.spaceType, id: params.spaceId }), { caller: true }),
  implement(routes.unblockPerson, async ({ caller, params }) => unblockPerson(caller, params.userId), { caller: true }),
]);
