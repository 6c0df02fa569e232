import { notifyComment, notifyFriendRequest, notifyGroupInvitation, notifyGroupRequest, notifyMentions } from '../domain/social/notifications';
import { streamJob } from './kit/stream-job';

/**
 * The table stream, filtered to what people are told of (infra/jobs.ts): new posts and comments (the
 * people they mention; the post's followers), friend requests, requests to join a group (its managers), invitations. Each cause
 * notifies each person once, whatever is redelivered.
 */
export const handler = streamJob(async ({ after: item }) => {
  switch (item!.__edb_e__) {
    case 'post':
      await notifyMentions(item as Parameters<typeof notifyMentions>[0]);
      break;
    case 'comment':
      await notifyComment(item as Parameters<typeof notifyComment>[0]);
      await notifyMentions(item as Parameters<typeof notifyMentions>[0]);
      break;
    case 'friendship':
      await notifyFriendRequest(item as Parameters<typeof notifyFriendRequest>[0]);
      break;
    case 'groupMember':
      await notifyGroupRequest(item as Parameters<typeof notifyGroupRequest>[0]);
      break;
    case 'groupInvitation':
      await notifyGroupInvitation(item as Parameters<typeof notifyGroupInvitation>[0]);
      break;
  }
});
