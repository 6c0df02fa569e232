import { Entity, Service } from 'electrodb';
import { SpaceType } from '../../contracts/spaces';
import { documentClient, tableName } from '../../shared/dynamodb';

/**
 * Social entities: thematic groups and their members, friendships, posts, comments, followers,
 * personal feeds. Access patterns: docs/ACCESS_PATTERNS.md § Social; the feed's design:
 * ADR « Social feed: fan-out on write, merged at read for large audiences ».
 */
const config = { table: tableName, client: documentClient };

export const groupKinds = ['open', 'closed', 'secret'] as const;
export const groupAudiences = ['all', 'members'] as const;
/** Where a post lives: any space (contracts/spaces.ts). */
export const spaceTypes = SpaceType.options;

/** A thematic group (« section virtuelle »). Secret groups are absent from the listing index. */
export const GroupEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'group', version: '1' },
    attributes: {
      groupId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      /** Accent-free lower-case name: sorting and search. */
      sortName: { type: 'string', required: true },
      description: { type: 'string', required: true },
      kind: { type: groupKinds, required: true },
      audience: { type: groupAudiences, required: true },
      /** Set on open and closed groups only: secret groups stay out of the listing (sparse gsi1). */
      listed: { type: 'string' },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      memberCount: { type: 'number', required: true, default: 0 },
      /** Its managers: a manager leaves only if another remains (no read of the members). */
      managerCount: { type: 'number' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['groupId'] }, sk: { field: 'sk', composite: [] } },
      // Groups anyone may discover, by name (S2).
      listed: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['listed'] }, sk: { field: 'gsi1sk', composite: ['sortName', 'groupId'] } },
    },
  },
  config,
);

/**
 * One person in one group: a member (manager or not), a pending request or an invitation accepted
 * later. Both ways: by group (S3) and, inverted, by person (S4).
 */
export const GroupMemberEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'groupMember', version: '1' },
    attributes: {
      groupId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      state: { type: ['member', 'requested'] as const, required: true },
      role: { type: ['manager', 'member'] as const, required: true },
      /** Denormalized for the member list and « my groups ». */
      displayName: { type: 'string', required: true },
      groupName: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Set on pending requests only: the managers' list of requests (sparse gsi2). */
      pendingGroupId: { type: 'string' },
    },
    indexes: {
      // One person's standing in a group is one strongly consistent GetItem.
      byGroup: { pk: { field: 'pk', composite: ['groupId'] }, sk: { field: 'sk', composite: ['userId'] } },
      byPerson: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['userId'] }, sk: { field: 'gsi1sk', composite: ['groupId'] } },
      requests: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['pendingGroupId'] }, sk: { field: 'gsi2sk', composite: ['at', 'userId'] } },
    },
  },
  config,
);

/** An invitation to a group sent by email: its link holds `token`; it works once, for that address. */
export const GroupInvitationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'groupInvitation', version: '1' },
    attributes: {
      token: { type: 'string', required: true },
      groupId: { type: 'string', required: true },
      email: { type: 'string', required: true },
      invitedBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byToken: { pk: { field: 'pk', composite: ['token'] }, sk: { field: 'sk', composite: [] } },
      // Is this address invited to this group (secret groups: may they see it?).
      byEmail: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['email'] }, sk: { field: 'gsi1sk', composite: ['groupId'] } },
    },
  },
  config,
);

/** One side of a friendship (« coopains »): both sides are written together (S5). */
export const FriendshipEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'friendship', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      friendId: { type: 'string', required: true },
      /** `sent`: userId asked friendId; `received`: friendId asked userId. */
      state: { type: ['friends', 'sent', 'received'] as const, required: true },
      friendName: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['friendId'] } },
    },
  },
  config,
);

/**
 * A post in a space. `spaceKey` is `type:id` (`section:mulhouse`, `group:…`, `profile:<userId>`,
 * `federation:68`, `national:national`); `text` is the author's source, `html` its safe rendering.
 */
export const PostEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'post', version: '1' },
    attributes: {
      postId: { type: 'string', required: true },
      spaceKey: { type: 'string', required: true },
      spaceType: { type: spaceTypes, required: true },
      spaceId: { type: 'string', required: true },
      /** The federation of a section space (rules about officials above it). */
      spaceFederation: { type: 'string' },
      /** The space's name when the post was written (« dans Soignantes et soignants »). */
      spaceName: { type: 'string' },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      text: { type: 'string', required: true },
      html: { type: 'string', required: true },
      /** The people it names, as the notifications job resolved them (rendered as links; ADR 0012). */
      mentions: { type: 'list', items: { type: 'map', properties: { folded: { type: 'string', required: true }, userId: { type: 'string', required: true } } } },
      /** Accent-free lower-case words of the text, for search. */
      searchText: { type: 'string', required: true },
      link: {
        type: 'map',
        properties: {
          url: { type: 'string', required: true },
          title: { type: 'string' },
          description: { type: 'string' },
          image: { type: 'string' },
        },
      },
      embed: {
        type: 'map',
        properties: {
          provider: { type: 'string', required: true },
          url: { type: 'string', required: true },
          embedUrl: { type: 'string', required: true },
        },
      },
      /** The post's files, described here so that a page of posts shows them without reading attachments. */
      attachments: {
        type: 'list',
        items: {
          type: 'map',
          properties: {
            attachmentId: { type: 'string', required: true },
            name: { type: 'string', required: true },
            contentType: { type: 'string', required: true },
            size: { type: 'number', required: true },
            alt: { type: 'string' },
          },
        },
      },
      createdAt: { type: 'string', required: true },
      editedAt: { type: 'string' },
      hidden: { type: 'boolean', required: true, default: false },
      hiddenBy: { type: 'string' },
      commentCount: { type: 'number', required: true, default: 0 },
      /** The newest comment, copied here so that a feed page shows it without reading comments. */
      lastComment: {
        type: 'map',
        properties: {
          /** Which comment this is a copy of (absent on copies made before hiding and deleting followed it). */
          commentId: { type: 'string' },
          authorName: { type: 'string', required: true },
          html: { type: 'string', required: true },
          createdAt: { type: 'string', required: true },
        },
      },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['postId'] }, sk: { field: 'sk', composite: [] } },
      // A space's posts, newest first (S7); also the read-time part of feeds (federation, national).
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'postId'] } },
    },
  },
  config,
);

/** A comment on a post, in order (S9). */
export const CommentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'comment', version: '1' },
    attributes: {
      postId: { type: 'string', required: true },
      commentId: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      text: { type: 'string', required: true },
      html: { type: 'string', required: true },
      /** The people it names, as the notifications job resolved them (rendered as links; ADR 0012). */
      mentions: { type: 'list', items: { type: 'map', properties: { folded: { type: 'string', required: true }, userId: { type: 'string', required: true } } } },
      hidden: { type: 'boolean', required: true, default: false },
      /** A reply: the comment it answers (one level: replies to a reply answer its comment). */
      parentId: { type: 'string' },
      editedAt: { type: 'string' },
    },
    indexes: {
      byPost: { pk: { field: 'pk', composite: ['postId'] }, sk: { field: 'sk', composite: ['createdAt', 'commentId'] } },
    },
  },
  config,
);

/** Someone following a post's conversation (S10): its author, commenters, whoever chose to. */
export const PostFollowerEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'postFollower', version: '1' },
    attributes: {
      postId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      byPost: { pk: { field: 'pk', composite: ['postId'] }, sk: { field: 'sk', composite: ['userId'] } },
    },
  },
  config,
);

/** Feed items expire after this many days (TTL): personal feeds are capped by age. */
export const FEED_RETENTION_DAYS = 90;

/**
 * One post in one person's feed, written by the fan-out job (S11). The key is the post: a fan-out
 * run twice writes the same items. Capped by age (`expiresAt`, TTL; filtered on read locally).
 */
export const FeedItemEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'feedItem', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      postId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['createdAt', 'postId'] } },
    },
  },
  config,
);

export const notificationKinds = ['comment', 'friend-request', 'group-request', 'group-invitation', 'mention'] as const;
export const emailModes = ['immediate', 'daily', 'weekly', 'never'] as const;

/**
 * Something to tell one person (S15): a new comment on a conversation they follow, a friend request,
 * a request to join a group they manage, an invitation. Plain text and a site path, never HTML.
 */
export const NotificationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'notification', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Derived from what caused it: the same event never notifies twice (a redelivered stream record). */
      notificationId: { type: 'string', required: true },
      kind: { type: notificationKinds, required: true },
      text: { type: 'string', required: true },
      /** The text without its quote (« Marc a répondu à votre commentaire »): what is shown with the current words once they are edited. */
      lead: { type: 'string' },
      path: { type: 'string', required: true },
      groupId: { type: 'string' },
      /** Opened by its recipient (older ones are read through the state's `readAt`). */
      readAt: { type: 'string' },
      /** The post (and comment) whose words it quotes: hidden or deleted since, it is shown withdrawn (derived copies). */
      postId: { type: 'string' },
      commentId: { type: 'string' },
      commentAt: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['at', 'notificationId'] } },
    },
  },
  config,
);

/**
 * One person's notification state (S16): the unread count of the bell, when they last read, their
 * email choice per kind, the groups they muted.
 */
export const NotificationStateEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'notificationState', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      unread: { type: 'number' },
      readAt: { type: 'string' },
      email: {
        type: 'map',
        properties: {
          comment: { type: emailModes },
          'friend-request': { type: emailModes },
          'group-request': { type: emailModes },
          'group-invitation': { type: emailModes },
          mention: { type: emailModes },
        },
      },
      mutedGroups: { type: 'set', items: 'string' },
      /** Until when each digest was sent (its notifications after this go in the next). */
      dailySentUntil: { type: 'string' },
      weeklySentUntil: { type: 'string' },
    },
    indexes: {
      byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  config,
);

/**
 * A digest to send (S17): written when a notification goes to someone who chose a daily or weekly
 * digest for its kind, one item per person and slot (`daily:2026-11-22`, `weekly:2026-11-23`). The
 * digest job reads the slots that are due, a page of people at a time: never everyone at once.
 */
export const DigestDueEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'digestDue', version: '1' },
    attributes: {
      slot: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      bySlot: { pk: { field: 'pk', composite: ['slot'] }, sk: { field: 'sk', composite: ['userId'] } },
    },
  },
  config,
);

/**
 * The search index (S18), kept by the `search-index` stream job: for people and groups, one entry per
 * word of their name under its first three letters (`n:san` → `sante#group#…`); for posts, one entry
 * per distinct word under the word itself (`w:hopital` → newest first). Accent- and case-free words.
 */
export const SearchEntryEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'searchEntry', version: '1' },
    attributes: {
      token: { type: 'string', required: true },
      key: { type: 'string', required: true },
      kind: { type: ['person', 'group', 'section', 'post'] as const, required: true },
      refId: { type: 'string', required: true },
      /** Display name (people, groups, sections) — its folded form is what all the query's words must be in. */
      label: { type: 'string', required: true },
      /** Sections: their federation's name, shown under it. */
      detail: { type: 'string' },
      folded: { type: 'string', required: true },
      groupKind: { type: groupKinds },
      groupAudience: { type: groupAudiences },
      /** People only: « qui peut me trouver » and the facts it is decided with (policy `mayFind`), so a search reads nothing more. */
      findableBy: { type: ['connections', 'signed-in', 'nobody'] as const },
      federationCode: { type: 'string' },
      groupIds: { type: 'list', items: { type: 'string' } },
    },
    indexes: {
      byToken: { pk: { field: 'pk', composite: ['token'] }, sk: { field: 'sk', composite: ['key'] } },
    },
  },
  config,
);

/**
 * A report of a post or comment (S19): seen by the space's moderators (by space), escalated by them
 * to national admins (sparse `escalated` index).
 */
export const ReportEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'report', version: '1' },
    attributes: {
      reportId: { type: 'string', required: true },
      spaceKey: { type: 'string', required: true },
      postId: { type: 'string', required: true },
      commentId: { type: 'string' },
      reason: { type: 'string', required: true },
      reporterId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Set when moderators escalate the report to the national admins. */
      escalated: { type: 'string' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['reportId'] }, sk: { field: 'sk', composite: [] } },
      bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceKey'] }, sk: { field: 'gsi1sk', composite: ['at', 'reportId'] } },
      escalations: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['escalated'] }, sk: { field: 'gsi2sk', composite: ['at', 'reportId'] } },
    },
  },
  config,
);

/** Someone the moderators of one space blocked from posting and commenting there (S20), and nowhere else. */
export const SpaceBlockEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'spaceBlock', version: '1' },
    attributes: {
      spaceKey: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      blockedBy: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      bySpace: { pk: { field: 'pk', composite: ['spaceKey'] }, sk: { field: 'sk', composite: ['userId'] } },
    },
  },
  config,
);

export const attachmentStates = ['pending', 'ready', 'attached'] as const;

/**
 * A file someone uploads to attach to a post (S21): `pending` until the server has checked the
 * object arrived with the declared type and size, `ready` once moved out of `uploads/pending/`,
 * `attached` once a post of its uploader references it. Unattached records expire (`expiresAt`, TTL).
 */
export const AttachmentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'attachment', version: '1' },
    attributes: {
      attachmentId: { type: 'string', required: true },
      ownerId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      contentType: { type: 'string', required: true },
      size: { type: 'number', required: true },
      alt: { type: 'string' },
      state: { type: attachmentStates, required: true },
      /** Where the object is in the files bucket. */
      key: { type: 'string', required: true },
      postId: { type: 'string' },
      createdAt: { type: 'string', required: true },
      expiresAt: { type: 'number' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['attachmentId'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  config,
);

export const social = new Service(
  {
    group: GroupEntity,
    groupMember: GroupMemberEntity,
    groupInvitation: GroupInvitationEntity,
    friendship: FriendshipEntity,
    post: PostEntity,
    comment: CommentEntity,
    postFollower: PostFollowerEntity,
    feedItem: FeedItemEntity,
    notification: NotificationEntity,
    notificationState: NotificationStateEntity,
    digestDue: DigestDueEntity,
    searchEntry: SearchEntryEntity,
    report: ReportEntity,
    spaceBlock: SpaceBlockEntity,
    attachment: AttachmentEntity,
  },
  config,
);
