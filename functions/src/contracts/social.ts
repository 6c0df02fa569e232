import * as z from 'zod';
import { Cursor, pageOf, lineText, proseText } from './common';
import { SpaceRef } from './spaces';
import { Email, UserId } from './identity';

// ——— Groups ———

export const GroupId = z.string().regex(/^[0-9a-z]{16}$/, 'identifiant de groupe');
export const GroupKind = z.enum(['open', 'closed', 'secret']).describe('open: on entre ; closed: sur demande ; secret: sur invitation, invisible des autres');
export const GroupAudience = z.enum(['all', 'members']).describe('all: adhérents et sympathisants ; members: adhérents seulement');

export const GroupInput = z
  .object({
    name: lineText({ min: 3, max: 80 }),
    description: proseText({ max: 2000 }).default(''),
    kind: GroupKind,
    audience: GroupAudience,
  })
  .meta({ id: 'GroupInput' });

export const MyStanding = z.enum(['none', 'requested', 'member', 'manager']);

export const Group = z
  .object({
    id: GroupId,
    name: z.string(),
    description: z.string(),
    kind: GroupKind,
    audience: GroupAudience,
    memberCount: z.number().int(),
    myStanding: MyStanding,
  })
  .meta({ id: 'Group' });
export const GroupPage = pageOf(Group, 'GroupPage');
/** Groups suggested to a person, with the interest of theirs that brought each (null: a large group). */
export const GroupSuggestions = z
  .object({ items: z.array(z.object({ group: Group, interest: z.string().nullable() })) })
  .meta({ id: 'GroupSuggestions' });

export const GroupMember = z
  .object({ userId: UserId, displayName: z.string(), role: z.enum(['manager', 'member']), state: z.enum(['member', 'requested']), since: z.string() })
  .meta({ id: 'GroupMember' });
export const GroupMemberPage = pageOf(GroupMember, 'GroupMemberPage');
export const GroupMemberQuery = z.object({
  state: z.enum(['member', 'requested']).default('member'),
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const MemberDecision = z
  .object({ action: z.enum(['approve', 'refuse', 'make-manager', 'remove']) })
  .meta({ id: 'MemberDecision' });

export const JoinResult = z.object({ standing: MyStanding }).meta({ id: 'JoinResult' });
export const InvitationRequest = z.object({ email: Email }).meta({ id: 'InvitationRequest' });
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'lien d’invitation invalide');
export const InvitationSent = z.object({ email: z.string() }).meta({ id: 'InvitationSent' });

// ——— Friends ———

export const Friend = z
  .object({ userId: UserId, displayName: z.string(), state: z.enum(['friends', 'sent', 'received']), since: z.string() })
  .meta({ id: 'Friend' });
export const FriendPage = pageOf(Friend, 'FriendPage');
export const FriendSuggestion = z
  .object({
    userId: UserId,
    displayName: z.string(),
    reason: z.enum(['section', 'group', 'friend-of-friend']).describe('the best reason the viewer may be told (never a membership they may not see)'),
    /** friend-of-friend: how many of my coopains are theirs (among those looked at). */
    mutualFriends: z.number().int().optional(),
    /** group: the group we share. */
    groupName: z.string().optional(),
  })
  .meta({ id: 'FriendSuggestion' });
export const FriendSuggestions = z.object({ items: z.array(FriendSuggestion) }).meta({ id: 'FriendSuggestions' });
export const FriendState = z.object({ state: z.enum(['none', 'friends', 'sent', 'received']) }).meta({ id: 'FriendState' });

// ——— Posts and comments ———

// Posts live in any space (the one space model, contracts/spaces.ts).
export { SpaceType as PostSpaceType, SpaceId as PostSpaceId, SpaceRef } from './spaces';

export const PostId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant de publication');
export const CommentId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant de commentaire');
const WebUrl = z.url({ protocol: /^https?$/, error: 'adresse web (http ou https)' }).max(2048);

// ——— Attachments (documents and images of posts) ———

/** What may be attached, and how it is shown: images inline, everything else as a download. */
export const attachmentTypes = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'application/pdf': 'document',
  'application/vnd.oasis.opendocument.text': 'document',
  'application/vnd.oasis.opendocument.spreadsheet': 'document',
  'application/vnd.oasis.opendocument.presentation': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
  'text/plain': 'document',
  'text/csv': 'document',
} as const;
export type AttachmentType = keyof typeof attachmentTypes;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const POST_MAX_ATTACHMENTS = 10;

export const AttachmentId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant de pièce jointe');
export const AttachmentUploadRequest = z
  .object({
    name: lineText({ min: 1, max: 200 }),
    contentType: z.enum(Object.keys(attachmentTypes) as [AttachmentType, ...AttachmentType[]], {
      error: 'type non accepté : images JPEG, PNG, WebP, GIF ; PDF ; textes, tableurs et présentations ODF ou Office ; texte ou CSV',
    }),
    size: z.number().int('nombre d’octets').min(1, 'fichier vide').max(ATTACHMENT_MAX_BYTES, 'au plus 20 Mo'),
    /** The image's description for people who cannot see it. */
    alt: lineText({ max: 500 }).optional(),
  })
  .meta({ id: 'AttachmentUploadRequest' });
export const Attachment = z
  .object({
    id: AttachmentId,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    kind: z.enum(['image', 'document']),
    alt: z.string().optional(),
  })
  .meta({ id: 'Attachment' });
export const AttachmentUpload = z
  .object({
    attachment: Attachment,
    url: z.string().describe('le formulaire S3 où envoyer le fichier (POST multipart)'),
    fields: z.record(z.string(), z.string()).describe('les champs à joindre au formulaire, avant le fichier'),
  })
  .meta({ id: 'AttachmentUpload' });
export const AttachmentLink = z
  .object({ url: z.string().describe('adresse de téléchargement, valable quelques minutes'), expiresAt: z.string() })
  .meta({ id: 'AttachmentLink' });

/** The text is Markdown-like (bold, italics, lists, links): rendered on the server, scripts never kept. */
export const PostText = proseText({ min: 1, max: 10_000 });

export const PostInput = z
  .object({
    space: SpaceRef,
    text: PostText,
    /** A web page shown with its preview (fetched by the server). */
    link: WebUrl.optional(),
    /** A video or sound from an allowed provider (YouTube, Dailymotion, Vimeo, SoundCloud, PeerTube). */
    media: WebUrl.optional(),
    /** Files the author uploaded and the server checked (POST /api/attachments, then …/confirm). */
    attachments: z.array(AttachmentId).max(POST_MAX_ATTACHMENTS, 'au plus 10 fichiers').optional(),
  })
  .meta({ id: 'PostInput' });
export const PostPatch = z.object({ text: PostText }).meta({ id: 'PostPatch' });

export const LinkPreview = z
  .object({ url: z.string(), title: z.string().optional(), description: z.string().optional(), image: z.string().optional() })
  .meta({ id: 'LinkPreview' });
export const Embed = z
  .object({ provider: z.string(), url: z.string(), embedUrl: z.string().describe('lecteur à charger seulement après un clic') })
  .meta({ id: 'Embed' });

export const Post = z
  .object({
    id: PostId,
    space: SpaceRef,
    /** The space's name (« Soignantes et soignants »), absent on posts written before it was kept. */
    spaceName: z.string().optional(),
    author: z.object({ userId: UserId, displayName: z.string() }),
    html: z.string().describe('texte mis en forme, sans script'),
    text: z.string().optional().describe('le texte source, pour son auteur·rice'),
    link: LinkPreview.optional(),
    embed: Embed.optional(),
    attachments: z.array(Attachment).optional(),
    createdAt: z.string(),
    editedAt: z.string().optional(),
    hidden: z.boolean(),
    commentCount: z.number().int(),
    lastComment: z.object({ authorName: z.string(), html: z.string(), createdAt: z.string() }).optional().describe('le dernier commentaire'),
    /** Whether the caller follows its conversation (one post's page only). */
    following: z.boolean().optional(),
  })
  .meta({ id: 'Post' });
export const PostPage = pageOf(Post, 'PostPage');

const CommentText = proseText({ min: 1, max: 4000 });
export const CommentInput = z
  .object({ text: CommentText, parentId: CommentId.optional().describe('le commentaire auquel on répond (un seul niveau : répondre à une réponse répond à son commentaire)') })
  .meta({ id: 'CommentInput' });
export const CommentPatch = z.object({ text: CommentText }).meta({ id: 'CommentPatch' });
export const Comment = z
  .object({
    id: CommentId,
    postId: PostId,
    /** A reply: the comment it answers. */
    parentId: CommentId.optional(),
    author: z.object({ userId: UserId, displayName: z.string() }),
    html: z.string(),
    text: z.string().optional().describe('le texte source, pour son auteur·rice'),
    createdAt: z.string(),
    editedAt: z.string().optional(),
  })
  .meta({ id: 'Comment' });
export const CommentPage = pageOf(Comment, 'CommentPage');
export const Following = z.object({ following: z.boolean() }).meta({ id: 'Following' });

export const LinkPreviewRequest = z.object({ url: WebUrl }).meta({ id: 'LinkPreviewRequest' });
export const FeedQuery = z.object({ cursor: Cursor.optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });

// ——— Notifications ———

/** `message`: a conversation's unread messages, told once its reader has been away for a while (ADR 0029). */
export const NotificationKind = z.enum(['comment', 'friend-request', 'group-request', 'group-invitation', 'mention', 'message']);
/** Opaque: where the notification sits (its time) and which it is. */
export const NotificationId = z.string().regex(/^[0-9a-z]{1,12}\.[\w-]{22}$/, 'identifiant de notification');
export const EmailMode = z.enum(['immediate', 'daily', 'weekly', 'never']).describe('immediate: tout de suite ; daily/weekly: un résumé ; never: jamais');
export const Notification = z
  .object({ id: NotificationId, kind: NotificationKind, text: z.string(), path: z.string(), at: z.string(), read: z.boolean() })
  .meta({ id: 'Notification' });
export const NotificationPage = z
  .object({ items: z.array(Notification), nextCursor: Cursor.nullable(), unread: z.number().int() })
  .meta({ id: 'NotificationPage' });
export const UnreadCount = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export const NotificationSettings = z
  .object({
    email: z.object({ comment: EmailMode, 'friend-request': EmailMode, 'group-request': EmailMode, 'group-invitation': EmailMode, mention: EmailMode, message: EmailMode }),
    mutedGroups: z.array(GroupId),
  })
  .meta({ id: 'NotificationSettings' });
export const NotificationSettingsPatch = z
  .object({
    email: z.object({ comment: EmailMode, 'friend-request': EmailMode, 'group-request': EmailMode, 'group-invitation': EmailMode, mention: EmailMode, message: EmailMode }).partial().optional(),
    mutedGroups: z.array(GroupId).max(200, 'au plus 200 groupes').optional(),
  })
  .meta({ id: 'NotificationSettingsPatch' });

// ——— Search ———

export const SearchQuery = z.object({ q: lineText({ min: 2, max: 100, minMessage: 'au moins deux lettres' }) });
export const SearchResults = z
  .object({
    people: z.array(z.object({ userId: z.string(), displayName: z.string() })),
    groups: z.array(z.object({ id: z.string(), name: z.string() })),
    sections: z.array(z.object({ id: z.string(), name: z.string(), federationName: z.string() })),
    /** The next events of the sections found, as the caller may see them. */
    events: z.array(
      z.object({ id: z.string(), title: z.string(), startsAt: z.string(), address: z.string(), space: z.object({ type: z.string(), id: z.string(), name: z.string() }) }),
    ),
    posts: z.array(Post),
  })
  .meta({ id: 'SearchResults' });

// ——— Moderation ———

export const ReportId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant de signalement');
/** Why something is reported: a post, a comment, a message. */
export const ReportReason = proseText({ min: 3, max: 1000 });
export const ReportInput = z
  .object({ reason: ReportReason, commentId: CommentId.optional() })
  .meta({ id: 'ReportInput' });
/** A message reported (ADR 0029): the message alone, as it was when reported — never its conversation. */
export const ReportedMessage = z
  .object({
    conversationId: z.string(),
    id: z.string(),
    authorId: UserId.nullable(),
    authorName: z.string(),
    text: z.string(),
    /** Downloaded by the report's moderators with GET /api/attachments/{id}/link?report=<reportId>. */
    attachments: z.array(Attachment),
    sentAt: z.string(),
    hidden: z.boolean(),
  })
  .meta({ id: 'ReportedMessage' });
export const ContentReport = z
  .object({
    id: ReportId,
    /** A post's report (and `commentId` for one of its comments); absent for a message's. */
    postId: PostId.optional(),
    commentId: z.string().optional(),
    message: ReportedMessage.optional(),
    reason: z.string(),
    at: z.string(),
    escalated: z.boolean(),
    space: SpaceRef,
  })
  .meta({ id: 'ContentReport' });
export const ReportPage = pageOf(ContentReport, 'ReportPage');
export const BlockState = z.object({ blocked: z.boolean() }).meta({ id: 'BlockState' });
export const SpaceBlock = z
  .object({ userId: UserId, displayName: z.string(), blockedBy: z.object({ userId: UserId, displayName: z.string() }), at: z.string() })
  .meta({ id: 'SpaceBlock' });
export const SpaceBlockPage = pageOf(SpaceBlock, 'SpaceBlockPage');
