import { routes } from '../contracts/routes';
import { loadCaller } from '../domain/access/load-caller';
import { readFeed } from '../domain/social/feed';
import * as friends from '../domain/social/friends';
import * as groups from '../domain/social/groups';
import { fetchLinkPreview } from '../domain/social/link-preview';
import * as notifications from '../domain/social/notifications';
import * as posts from '../domain/social/posts';
import { requirePerson } from '../domain/access/policy';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Social: groups, friends, posts, comments, the feed. */
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

  implement(routes.createPost, async ({ actor, body }) => posts.createPost(await loadCaller(actor), body)),
  implement(routes.listSpacePosts, async ({ actor, params, query }) =>
    posts.listSpacePosts(await loadCaller(actor), { type: params.spaceType, id: params.spaceId }, query),
  ),
  implement(routes.getPost, async ({ actor, params }) => posts.getPost(await loadCaller(actor), params.postId)),
  implement(routes.editPost, async ({ actor, params, body }) => posts.editPost(await loadCaller(actor), params.postId, body.text)),
  implement(routes.deletePost, async ({ actor, params }) => (await posts.deletePost(await loadCaller(actor), params.postId), done)),
  implement(routes.hidePost, async ({ actor, params }) => posts.hidePost(await loadCaller(actor), params.postId)),
  implement(routes.listComments, async ({ actor, params, query }) => posts.listComments(await loadCaller(actor), params.postId, query)),
  implement(routes.addComment, async ({ actor, params, body }) => posts.addComment(await loadCaller(actor), params.postId, body.text)),
  implement(routes.followPost, async ({ actor, params }) => posts.setFollowing(await loadCaller(actor), params.postId, true)),
  implement(routes.unfollowPost, async ({ actor, params }) => posts.setFollowing(await loadCaller(actor), params.postId, false)),
  implement(routes.previewLink, async ({ actor, body }) => (requirePerson(await loadCaller(actor)), fetchLinkPreview(body.url, 'body.url'))),
  implement(routes.readFeed, async ({ actor, query }) => readFeed(await loadCaller(actor), query)),

  implement(routes.listNotifications, async ({ actor, query }) => notifications.listNotifications(await loadCaller(actor), query)),
  implement(routes.unreadNotifications, async ({ actor }) => notifications.unreadCount(await loadCaller(actor))),
  implement(routes.markNotificationsRead, async ({ actor }) => notifications.markAllRead(await loadCaller(actor))),
  implement(routes.getNotificationSettings, async ({ actor }) => notifications.getNotificationSettings(await loadCaller(actor))),
  implement(routes.updateNotificationSettings, async ({ actor, body }) => notifications.updateNotificationSettings(await loadCaller(actor), body)),
]);
