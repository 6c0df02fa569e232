import { socialRoutes as routes } from '../contracts/social-routes';
import { loadCaller } from '../domain/access/load-caller';
import { readFeed } from '../domain/social/feed';
import * as moderation from '../domain/social/moderation';
import * as posts from '../domain/social/posts';
import { search } from '../domain/social/search';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Posts, comments, following, link previews and the feed. */
export const handler = featureLambda('posts', [
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
  implement(routes.hideComment, async ({ actor, params }) => posts.hideComment(await loadCaller(actor), params.postId, params.commentId)),
  implement(routes.deleteComment, async ({ actor, params }) => (await posts.deleteComment(await loadCaller(actor), params.postId, params.commentId), done)),
  implement(routes.followPost, async ({ actor, params }) => posts.setFollowing(await loadCaller(actor), params.postId, true)),
  implement(routes.unfollowPost, async ({ actor, params }) => posts.setFollowing(await loadCaller(actor), params.postId, false)),
  implement(routes.previewLink, async ({ actor, body }) => posts.previewLink(await loadCaller(actor), body.url)),
  implement(routes.readFeed, async ({ actor, query }) => readFeed(await loadCaller(actor), query)),
  implement(routes.search, async ({ actor, query }) => search(await loadCaller(actor), query.q)),

  implement(routes.reportContent, async ({ actor, params, body }) => moderation.reportContent(await loadCaller(actor), params.postId, body)),
  implement(routes.listSpaceReports, async ({ actor, params, query }) =>
    moderation.listSpaceReports(await loadCaller(actor), { type: params.spaceType, id: params.spaceId }, query),
  ),
  implement(routes.escalateReport, async ({ actor, params }) => moderation.escalateReport(await loadCaller(actor), params.reportId)),
  implement(routes.listEscalations, async ({ actor, query }) => moderation.listEscalations(await loadCaller(actor), query)),
  implement(routes.blockInSpace, async ({ actor, params }) =>
    moderation.setBlocked(await loadCaller(actor), { type: params.spaceType, id: params.spaceId }, params.userId, true),
  ),
  implement(routes.unblockInSpace, async ({ actor, params }) =>
    moderation.setBlocked(await loadCaller(actor), { type: params.spaceType, id: params.spaceId }, params.userId, false),
  ),
  implement(routes.listSpaceBlocks, async ({ actor, params, query }) =>
    moderation.listSpaceBlocks(await loadCaller(actor), { type: params.spaceType, id: params.spaceId }, query),
  ),
]);
