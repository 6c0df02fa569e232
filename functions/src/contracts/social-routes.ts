import * as z from 'zod';
import { PageQuery } from './common';
import { Done, UserId } from './identity';
import { defineRoute, type RouteContract } from './route';
import {
  Attachment,
  AttachmentId,
  AttachmentLink,
  AttachmentUpload,
  AttachmentUploadRequest,
  Comment,
  CommentId,
  CommentInput,
  CommentPatch,
  NotificationId,
  CommentPage,
  FeedQuery,
  Following,
  FriendPage,
  FriendState,
  FriendSuggestions,
  Group,
  GroupId,
  GroupInput,
  GroupMemberPage,
  GroupMemberQuery,
  GroupPage,
  GroupSuggestions,
  InvitationRequest,
  InvitationSent,
  InvitationToken,
  JoinResult,
  LinkPreview,
  LinkPreviewRequest,
  MemberDecision,
  NotificationPage,
  NotificationSettings,
  NotificationSettingsPatch,
  UnreadCount,
  Post,
  PostId,
  PostInput,
  PostPage,
  PostPatch,
  BlockState,
  SpaceBlockPage,
  ContentReport,
  ReportId,
  ReportInput,
  ReportPage,
  SearchQuery,
  SearchResults,
  PostSpaceId,
  PostSpaceType,
} from './social';

const groupParams = z.object({ groupId: GroupId });
const postParams = z.object({ postId: PostId });
const friendParams = z.object({ userId: UserId });
const attachmentParams = z.object({ attachmentId: AttachmentId });

/**
 * Groups, friends and notifications (feature `social`); posts, comments, link previews and the feed
 * (feature `posts`: the Markdown renderer and the preview fetcher stay out of the other bundle).
 * Merged into the route table.
 */
export const socialRoutes = {
  // ——— Groups ———
  createGroup: defineRoute({
    method: 'POST', path: '/api/groups', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Créer un groupe thématique (adhérents ; dans ou hors de sa section)', body: GroupInput, response: Group, successStatus: 201,
  }),
  listGroups: defineRoute({
    method: 'GET', path: '/api/groups', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Les groupes ouverts et fermés, par nom (les groupes secrets n’y sont jamais)', query: PageQuery, response: GroupPage,
  }),
  listMyGroups: defineRoute({
    method: 'GET', path: '/api/me/groups', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Mes groupes', query: PageQuery, response: GroupPage,
  }),
  groupSuggestions: defineRoute({
    method: 'GET', path: '/api/me/group-suggestions', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Groupes à me proposer : ceux qui parlent de mes centres d’intérêt d’abord', response: GroupSuggestions,
  }),
  getGroup: defineRoute({
    method: 'GET', path: '/api/groups/{groupId}', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Un groupe (introuvable pour qui ne doit pas le voir)', params: groupParams, response: Group,
  }),
  joinGroup: defineRoute({
    method: 'POST', path: '/api/groups/{groupId}/join', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Rejoindre un groupe ouvert, demander à entrer dans un groupe fermé', params: groupParams, response: JoinResult,
  }),
  leaveGroup: defineRoute({
    method: 'POST', path: '/api/groups/{groupId}/leave', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Quitter un groupe (ou retirer sa demande)', params: groupParams, response: Done,
  }),
  listGroupMembers: defineRoute({
    method: 'GET', path: '/api/groups/{groupId}/members', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Les membres d’un groupe (membres) ; ses demandes en attente (animateurs)', params: groupParams, query: GroupMemberQuery, response: GroupMemberPage,
  }),
  decideGroupMember: defineRoute({
    method: 'PUT', path: '/api/groups/{groupId}/members/{userId}', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Animateurs : accepter ou refuser une demande, nommer un animateur, retirer un membre',
    params: z.object({ groupId: GroupId, userId: UserId }), body: MemberDecision, response: Done,
  }),
  inviteToGroup: defineRoute({
    method: 'POST', path: '/api/groups/{groupId}/invitations', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Animateurs : inviter par e-mail (le lien marche dès que la personne a un compte)', params: groupParams, body: InvitationRequest, response: InvitationSent, successStatus: 201,
  }),
  acceptGroupInvitation: defineRoute({
    method: 'POST', path: '/api/group-invitations/{token}/accept', feature: 'social', auth: 'jwt', tags: ['Groupes'],
    summary: 'Accepter une invitation (avec le compte de l’adresse invitée)', params: z.object({ token: InvitationToken }), response: Group,
  }),

  // ——— Friends (« coopains ») ———
  listFriends: defineRoute({
    method: 'GET', path: '/api/me/friends', feature: 'social', auth: 'jwt', tags: ['Coopains'],
    summary: 'Mes coopains et les demandes envoyées ou reçues', query: PageQuery, response: FriendPage,
  }),
  friendSuggestions: defineRoute({
    method: 'GET', path: '/api/me/friend-suggestions', feature: 'social', auth: 'jwt', tags: ['Coopains'],
    summary: 'Suggestions : même section, groupes en commun, coopains de coopains', response: FriendSuggestions,
  }),
  requestFriend: defineRoute({
    method: 'POST', path: '/api/friends/{userId}', feature: 'social', auth: 'jwt', tags: ['Coopains'],
    summary: 'Demander en coopain (ou accepter sa demande, s’il y en a une)', params: friendParams, response: FriendState,
  }),
  getFriendState: defineRoute({
    method: 'GET', path: '/api/friends/{userId}', feature: 'social', auth: 'jwt', tags: ['Coopains'],
    summary: 'Où j’en suis avec cette personne : rien, demande envoyée ou reçue, coopains', params: friendParams, response: FriendState,
  }),
  acceptFriend: defineRoute({
    method: 'POST', path: '/api/friends/{userId}/accept', feature: 'social', auth: 'jwt', tags: ['Coopains'],
    summary: 'Accepter une demande reçue', params: friendParams, response: FriendState,
  }),
  removeFriend: defineRoute({
    method: 'DELETE', path: '/api/friends/{userId}', feature: 'social', auth: 'jwt', tags: ['Coopains'],
    summary: 'Annuler sa demande, refuser celle reçue, ou ne plus être coopains', params: friendParams, response: FriendState,
  }),

  // ——— Posts, comments, following ———
  createPost: defineRoute({
    method: 'POST', path: '/api/posts', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Publier dans une section, une fédération, un groupe, sur son profil (ou une annonce nationale)', body: PostInput, response: Post, successStatus: 201,
  }),
  listSpacePosts: defineRoute({
    method: 'GET', path: '/api/spaces/{spaceType}/{spaceId}/posts', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Les publications d’un espace, les plus récentes d’abord', params: z.object({ spaceType: PostSpaceType, spaceId: PostSpaceId }), query: PageQuery, response: PostPage,
  }),
  getPost: defineRoute({
    method: 'GET', path: '/api/posts/{postId}', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Une publication', params: postParams, response: Post,
  }),
  editPost: defineRoute({
    method: 'PATCH', path: '/api/posts/{postId}', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Modifier sa publication', params: postParams, body: PostPatch, response: Post,
  }),
  deletePost: defineRoute({
    method: 'DELETE', path: '/api/posts/{postId}', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Supprimer sa publication', params: postParams, response: Done,
  }),
  hidePost: defineRoute({
    method: 'POST', path: '/api/posts/{postId}/hide', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Masquer une publication (secrétaires de section, animateurs du groupe, responsables au-dessus)', params: postParams, response: Post,
  }),
  listComments: defineRoute({
    method: 'GET', path: '/api/posts/{postId}/comments', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Les commentaires d’une publication, dans l’ordre', params: postParams, query: PageQuery, response: CommentPage,
  }),
  addComment: defineRoute({
    method: 'POST', path: '/api/posts/{postId}/comments', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Commenter, ou répondre à un commentaire (on suit alors la conversation)', params: postParams, body: CommentInput, response: Comment, successStatus: 201,
  }),
  hideComment: defineRoute({
    method: 'POST', path: '/api/posts/{postId}/comments/{commentId}/hide', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Masquer un commentaire (modérateurs de l’espace)', params: z.object({ postId: PostId, commentId: CommentId }), response: Comment,
  }),
  editComment: defineRoute({
    method: 'PATCH', path: '/api/posts/{postId}/comments/{commentId}', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Modifier son commentaire', params: z.object({ postId: PostId, commentId: CommentId }), body: CommentPatch, response: Comment,
  }),
  deleteComment: defineRoute({
    method: 'DELETE', path: '/api/posts/{postId}/comments/{commentId}', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Supprimer son commentaire', params: z.object({ postId: PostId, commentId: CommentId }), response: Done,
  }),
  followPost: defineRoute({
    method: 'PUT', path: '/api/posts/{postId}/follow', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Suivre la conversation', params: postParams, response: Following,
  }),
  unfollowPost: defineRoute({
    method: 'DELETE', path: '/api/posts/{postId}/follow', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Ne plus suivre la conversation', params: postParams, response: Following,
  }),
  previewLink: defineRoute({
    method: 'POST', path: '/api/link-previews', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Aperçu d’un lien (titre, image, description), lu par le serveur', body: LinkPreviewRequest, response: LinkPreview,
  }),
  readFeed: defineRoute({
    method: 'GET', path: '/api/feed', feature: 'posts', auth: 'jwt', tags: ['Publications'],
    summary: 'Mon fil d’actu : mes sections et fédération, mes groupes, mes coopains, les annonces nationales', query: FeedQuery, response: PostPage,
  }),
  search: defineRoute({
    method: 'GET', path: '/api/search', feature: 'search', auth: 'jwt', tags: ['Recherche'],
    summary: 'Chercher des personnes, des groupes, des sections et leurs prochains évènements, des publications (sans accents ni majuscules), selon ce que l’on peut voir',
    query: SearchQuery, response: SearchResults,
  }),

  // ——— Moderation ———
  reportContent: defineRoute({
    method: 'POST', path: '/api/posts/{postId}/reports', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Signaler une publication ou un commentaire aux modérateurs de son espace', params: postParams, body: ReportInput, response: ContentReport, successStatus: 201,
  }),
  listSpaceReports: defineRoute({
    method: 'GET', path: '/api/spaces/{spaceType}/{spaceId}/reports', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Les signalements d’un espace (ses modérateurs)', params: z.object({ spaceType: PostSpaceType, spaceId: PostSpaceId }), query: PageQuery, response: ReportPage,
  }),
  escalateReport: defineRoute({
    method: 'POST', path: '/api/reports/{reportId}/escalate', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Faire remonter un signalement à l’administration nationale', params: z.object({ reportId: ReportId }), response: ContentReport,
  }),
  listEscalations: defineRoute({
    method: 'GET', path: '/api/reports/escalated', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Les signalements remontés (administration nationale)', query: PageQuery, response: ReportPage,
  }),
  hideReportedMessage: defineRoute({
    method: 'POST', path: '/api/reports/{reportId}/hide-message', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Retirer un message signalé (administration nationale) : il devient « Message supprimé » pour tous', params: z.object({ reportId: ReportId }), response: ContentReport,
  }),
  blockInSpace: defineRoute({
    method: 'PUT', path: '/api/spaces/{spaceType}/{spaceId}/blocks/{userId}', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Empêcher une personne de publier et commenter dans cet espace seulement', params: z.object({ spaceType: PostSpaceType, spaceId: PostSpaceId, userId: UserId }), response: BlockState,
  }),
  unblockInSpace: defineRoute({
    method: 'DELETE', path: '/api/spaces/{spaceType}/{spaceId}/blocks/{userId}', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Lever ce blocage', params: z.object({ spaceType: PostSpaceType, spaceId: PostSpaceId, userId: UserId }), response: BlockState,
  }),
  listSpaceBlocks: defineRoute({
    method: 'GET', path: '/api/spaces/{spaceType}/{spaceId}/blocks', feature: 'posts', auth: 'jwt', tags: ['Modération'],
    summary: 'Les personnes empêchées de publier dans cet espace, qui les a bloquées et quand (ses modérateurs)',
    params: z.object({ spaceType: PostSpaceType, spaceId: PostSpaceId }), query: PageQuery, response: SpaceBlockPage,
  }),

  // ——— Notifications ———
  listNotifications: defineRoute({
    method: 'GET', path: '/api/me/notifications', feature: 'social', auth: 'jwt', tags: ['Notifications'],
    summary: 'Mes notifications, les plus récentes d’abord, et le nombre de non lues', query: PageQuery, response: NotificationPage,
  }),
  unreadNotifications: defineRoute({
    method: 'GET', path: '/api/me/notifications/unread', feature: 'social', auth: 'jwt', tags: ['Notifications'],
    summary: 'Le nombre de notifications non lues (la cloche)', response: UnreadCount,
  }),
  markNotificationsRead: defineRoute({
    method: 'POST', path: '/api/me/notifications/read', feature: 'social', auth: 'jwt', tags: ['Notifications'],
    summary: 'Tout marquer comme lu', response: UnreadCount,
  }),
  markNotificationRead: defineRoute({
    method: 'POST', path: '/api/me/notifications/{notificationId}/read', feature: 'social', auth: 'jwt', tags: ['Notifications'],
    summary: 'Marquer une notification comme lue (en l’ouvrant)', params: z.object({ notificationId: NotificationId }), response: UnreadCount,
  }),
  getNotificationSettings: defineRoute({
    method: 'GET', path: '/api/me/notification-settings', feature: 'social', auth: 'jwt', tags: ['Notifications'],
    summary: 'Mes choix : e-mail par type (immédiat, résumé quotidien, hebdomadaire, jamais), groupes en sourdine', response: NotificationSettings,
  }),
  updateNotificationSettings: defineRoute({
    method: 'PATCH', path: '/api/me/notification-settings', feature: 'social', auth: 'jwt', tags: ['Notifications'],
    summary: 'Changer mes choix de notification', body: NotificationSettingsPatch, response: NotificationSettings,
  }),

  // ——— Attachments (feature `attachments`: the S3 presigners stay out of the posts bundle) ———
  createAttachmentUpload: defineRoute({
    method: 'POST', path: '/api/attachments', feature: 'attachments', auth: 'jwt', tags: ['Publications'],
    summary: 'Préparer l’envoi d’un fichier à joindre à une publication : un formulaire S3 signé (type, taille et emplacement imposés)',
    body: AttachmentUploadRequest, response: AttachmentUpload, successStatus: 201,
  }),
  confirmAttachment: defineRoute({
    method: 'POST', path: '/api/attachments/{attachmentId}/confirm', feature: 'attachments', auth: 'jwt', tags: ['Publications'],
    summary: 'Après l’envoi : le serveur vérifie le fichier reçu (présence, type, taille, signature des images) ; il peut alors être joint',
    params: attachmentParams, response: Attachment,
  }),
  getAttachmentLink: defineRoute({
    method: 'GET', path: '/api/attachments/{attachmentId}/link', feature: 'attachments', auth: 'jwt', tags: ['Publications'],
    summary: 'Une adresse de téléchargement de quelques minutes, pour qui peut lire la publication ou la conversation — ou modère le signalement du message (introuvable pour les autres)',
    params: attachmentParams, query: z.object({ report: ReportId.optional().describe('le signalement du message qui porte ce fichier, pour ses modérateurs') }), response: AttachmentLink,
  }),
} satisfies Record<string, RouteContract>;
