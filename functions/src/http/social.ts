import { socialRoutes as routes } from '../contracts/social-routes';
import * as friends from '../domain/social/friends';
import * as groups from '../domain/social/groups';
import * as notifications from '../domain/social/notifications';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Social: groups, friends, notifications (posts and the feed: http/posts.ts). */
export const handler = featureLambda('social', [
  implement(routes.createGroup, async ({ caller, body }) => groups.createGroup(caller, body), { caller: true }),
  implement(routes.listGroups, async ({ caller, query }) => groups.listGroups(caller, query), { caller: true }),
  implement(routes.groupSuggestions, async ({ caller }) => groups.suggestGroups(caller), { caller: true }),
  implement(routes.listMyGroups, async ({ caller, query }) => groups.listMyGroups(caller, query), { caller: true }),
  implement(routes.getGroup, async ({ caller, params }) => groups.getGroup(caller, params.groupId), { caller: true }),
  implement(routes.joinGroup, async ({ caller, params }) => groups.joinGroup(caller, params.groupId), { caller: true }),
  implement(routes.leaveGroup, async ({ caller, params }) => (await groups.leaveGroup(caller, params.groupId), done), { caller: true }),
  implement(routes.listGroupMembers, async ({ caller, params, query }) => groups.listGroupMembers(caller, params.groupId, query), { caller: true }),
  implement(routes.decideGroupMember, async ({ caller, params, body }) =>
    (await groups.decideGroupMember(caller, params.groupId, params.userId, body), done),
    { caller: true },
  ),
  implement(routes.inviteToGroup, async ({ caller, params, body }) => groups.inviteToGroup(caller, params.groupId, body.email), { caller: true }),
  implement(routes.acceptGroupInvitation, async ({ caller, params }) => groups.acceptGroupInvitation(caller, params.token), { caller: true }),

  implement(routes.listFriends, async ({ caller, query }) => friends.listFriends(caller, query), { caller: true }),
  implement(routes.friendSuggestions, async ({ caller }) => friends.friendSuggestions(caller), { caller: true }),
  implement(routes.requestFriend, async ({ caller, params }) => friends.requestFriend(caller, params.userId), { caller: true }),
  implement(routes.getFriendState, async ({ caller, params }) => friends.friendState(caller, params.userId), { caller: true }),
  implement(routes.acceptFriend, async ({ caller, params }) => friends.acceptFriend(caller, params.userId), { caller: true }),
  implement(routes.removeFriend, async ({ caller, params }) => friends.removeFriend(caller, params.userId), { caller: true }),

  implement(routes.listNotifications, async ({ loading, query }) => notifications.listNotifications(loading, query), { caller: 'alongside' }),
  implement(routes.unreadNotifications, async ({ caller }) => notifications.unreadCount(caller), { caller: true }),
  implement(routes.markNotificationsRead, async ({ caller }) => notifications.markAllRead(caller), { caller: true }),
  implement(routes.markNotificationRead, async ({ caller, params }) => notifications.markRead(caller, params.notificationId), { caller: true }),
  implement(routes.getNotificationSettings, async ({ caller }) => notifications.getNotificationSettings(caller), { caller: true }),
  implement(routes.updateNotificationSettings, async ({ caller, body }) => notifications.updateNotificationSettings(caller, body), { caller: true }),
]);
