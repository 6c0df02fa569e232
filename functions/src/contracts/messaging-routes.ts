import * as z from 'zod';
import { Done, PageQuery, UserId } from './common';
import * as m from './messaging';
import { ContentReport, ReportReason } from './social';
import { defineRoute, type RouteContract } from './route';

const base = '/api/conversations';
const one = `${base}/{conversationId}` as const;
const tags = ['Messagerie'];
const ConversationParams = z.object({ conversationId: m.ConversationId });
const BlockParams = z.object({ userId: UserId });
const MessageParams = z.object({ conversationId: m.ConversationId, messageId: m.MessageId });

/** Live messaging (issue 15, ADR 0029): conversations of up to 50 people, their messages, read markers. */
export const messagingRoutes = {
  startConversation: defineRoute({
    method: 'POST', path: base, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Commencer une conversation (au plus 49 autres personnes) ; les mêmes personnes retrouvent la même conversation', body: m.StartConversationInput, response: m.ChatConversation,
  }),
  listInbox: defineRoute({
    method: 'GET', path: base, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Mes conversations, la plus récente d’abord, avec les messages non lus', query: PageQuery, response: m.Inbox,
  }),
  getConversation: defineRoute({
    method: 'GET', path: one, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Une conversation et ses participants', params: ConversationParams, response: m.ChatConversation,
  }),
  listMessages: defineRoute({
    method: 'GET', path: `${one}/messages`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Les messages d’une conversation, par pages, le plus récent d’abord', params: ConversationParams, query: PageQuery, response: m.ChatMessagePage,
  }),
  sendMessage: defineRoute({
    method: 'POST', path: `${one}/messages`, feature: 'messaging', auth: 'jwt', tags, successStatus: 201,
    summary: 'Écrire un message (un même identifiant du client n’est enregistré qu’une fois)', params: ConversationParams, body: m.SendMessageInput, response: m.ChatMessage,
  }),
  editMessage: defineRoute({
    method: 'PATCH', path: `${one}/messages/{messageId}`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Modifier son message (l’aperçu de la boîte de réception suit)', params: MessageParams, body: m.EditMessageInput, response: m.ChatMessage,
  }),
  deleteMessage: defineRoute({
    method: 'DELETE', path: `${one}/messages/{messageId}`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Supprimer son message (il reste « Message supprimé », son texte effacé)', params: MessageParams, response: m.ChatMessage,
  }),
  reportMessage: defineRoute({
    method: 'POST', path: `${one}/messages/{messageId}/report`, feature: 'messaging', auth: 'jwt', tags, successStatus: 201,
    summary: 'Signaler un message : à l’équipe nationale de modération (dans un salon, aux modérateurs de l’espace), qui ne voit que ce message', params: MessageParams, body: z.object({ reason: ReportReason }).meta({ id: 'MessageReportInput' }), response: ContentReport,
  }),
  leaveConversation: defineRoute({
    method: 'POST', path: `${one}/leave`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Quitter la conversation : plus rien n’arrive, elle sort de la boîte de réception', params: ConversationParams, response: Done,
  }),
  muteConversation: defineRoute({
    method: 'POST', path: `${one}/mute`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Mettre la conversation en sourdine (ni badge ni mail) ou la réentendre', params: ConversationParams, body: m.MuteInput, response: m.ChatConversation,
  }),
  markConversationRead: defineRoute({
    method: 'POST', path: `${one}/read`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Marquer la conversation lue jusqu’à un message', params: ConversationParams, body: m.ReadInput, response: Done,
  }),
  issueRealtimeTicket: defineRoute({
    method: 'POST', path: '/api/realtime/ticket', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Un ticket d’une minute, à usage unique, pour ouvrir le canal en direct (WebSocket) sans mettre le jeton de session dans une adresse', response: m.RealtimeTicket,
  }),
  unreadTotal: defineRoute({
    method: 'GET', path: `${base}/unread`, feature: 'messaging', auth: 'jwt', tags,
    summary: 'Le nombre de messages non lus, toutes conversations (le badge)', response: m.UnreadTotal,
  }),
  listMyBlocks: defineRoute({
    method: 'GET', path: '/api/me/blocks', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Les personnes que j’ai bloquées', response: m.BlockList,
  }),
  blockPerson: defineRoute({
    method: 'PUT', path: '/api/me/blocks/{userId}', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Bloquer une personne : plus aucun message entre nous, dans les deux sens', params: BlockParams, response: Done,
  }),
  getSalon: defineRoute({
    method: 'GET', path: '/api/spaces/{spaceType}/{spaceId}/salon', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Le salon d’une section ou d’un groupe : ouvert ou non, et si j’y suis', params: m.SalonParams, response: m.SalonState,
  }),
  setSalonOpen: defineRoute({
    method: 'PUT', path: '/api/spaces/{spaceType}/{spaceId}/salon', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Ouvrir ou fermer le salon (ceux qui animent l’espace) ; fermé, on le lit encore mais personne n’y écrit', params: m.SalonParams, body: m.SalonOpenInput, response: m.SalonState,
  }),
  joinSalon: defineRoute({
    method: 'POST', path: '/api/spaces/{spaceType}/{spaceId}/salon/join', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Rejoindre le salon de son espace (on le quitte comme une conversation, ou en quittant l’espace)', params: m.SalonParams, response: m.SalonState,
  }),
  unblockPerson: defineRoute({
    method: 'DELETE', path: '/api/me/blocks/{userId}', feature: 'messaging', auth: 'jwt', tags,
    summary: 'Débloquer une personne', params: BlockParams, response: Done,
  }),
} satisfies Record<string, RouteContract>;
