import { Service } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';
import { FeedItemEntity } from './feed';
import { FriendshipEntity } from './friends';
import { GroupEntity, GroupInvitationEntity, GroupMemberEntity } from './groups';
import { ReportEntity, SpaceBlockEntity } from './moderation';
import { DigestDueEntity, NotificationEntity, NotificationStateEntity } from './notifications';
import { AttachmentEntity, CommentEntity, PostEntity, PostFollowerEntity } from './posts';
import { SearchEntryEntity } from './search';

/**
 * Social entities, one file per sub-domain: thematic groups and their members, friendships, posts,
 * comments and attachments, personal feeds, notifications and digests, the search index,
 * moderation. Access patterns: docs/ACCESS_PATTERNS.md § Social; the feed's design: ADR 0012. The
 * service gathers them for transactions across them.
 */
export * from './feed';
export * from './friends';
export * from './groups';
export * from './moderation';
export * from './notifications';
export * from './posts';
export * from './search';

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
  entityConfig,
);
