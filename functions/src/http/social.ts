import { socialRoutes as routes } from '../contracts/social-routes';
import { loadCaller } from '../domain/access/load-caller';
import * as friends from '../domain/social/friends';
import * as groups from '../domain/social/groups';
import * as notifications from '../domain/social/notifications';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Social: groups, friends, notifications (posts and the feed: http/posts.ts). */
export const handler = featureLambda('social', [
  implement(routes.createGroup, async ({ actor, body }) => groups.createGroup(await loadCaller(actor), body)),
  implement(routes.listGroups, async ({ actor, query }) => groups.listGroups(await loadCaller(actor), query)),
  implement(routes.listMyGroups, async ({ actor, query }) => groups.listMyGroups(await loadCaller(actor), query)),
  implement(routes.getGroup, async ({ actor, params }) => groups.getGroup(await loadCaller(actor), params.groupId)),
  implement(routes.joinGroup, async ({ actor, params }) => groups.joinGroup(await loadCaller(actor), params.groupId)),
  implement(routes.leaveGroup, async ({ actor, params }) => (await groups.leaveGroup(await loadCaller(actor), params.groupId), done)),
  implement(routes.listGroupMembers, async ({ actor, params, query }) => groups.listGroupMembers(await loadCaller(actor), params.groupId, query)),
  implement(routes.decideGroupMember, async ({ actor, params, body }) =>
    (await groups.decideGroupMember(await loadCaller(actor), params.groupId, params.userId, body), done),
  ),
  implement(routes.inviteToGroup, async ({ actor, params, body }) => groups.inviteToGroup(await loadCaller(actor), params.groupId, body.email)),
  implement(routes.acceptGroupInvitation, async ({ actor, params }) => groups.acceptGroupInvitation(await loadCaller(actor), params.token)),

  implement(routes.listFriends, async ({ actor, query }) => friends.listFriends(await loadCaller(actor), query)),
  implement(routes.friendSuggestions, async ({ actor }) => friends.friendSuggestions(await loadCaller(actor))),
  implement(routes.requestFriend, async ({ actor, params }) => friends.requestFriend(await loadCaller(actor), params.userId)),
  implement(routes.acceptFriend, async ({ actor, params }) => friends.acceptFriend(await loadCaller(actor), params.userId)),
  implement(routes.removeFriend, async ({ actor, params }) => friends.removeFriend(await loadCaller(actor), params.userId)),

  implement(routes.listNotifications, async ({ actor, query }) => notifications.listNotifications(await loadCaller(actor), query)),
  implement(routes.unreadNotifications, async ({ actor }) => notifications.unreadCount(await loadCaller(actor))),
  implement(routes.markNotificationsRead, async ({ actor }) => notifications.markAllRead(await loadCaller(actor))),
  implement(routes.getNotificationSettings, async ({ actor }) => notifications.getNotificationSettings(await loadCaller(actor))),
  implement(routes.updateNotificationSettings, async ({ actor, body }) => notifications.updateNotificationSettings(await loadCaller(actor), body)),
]);
