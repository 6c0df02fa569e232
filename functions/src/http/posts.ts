import { socialRoutes as routes } from '../contracts/social-routes';
import { readFeed } from '../domain/social/feed';
import * as moderation from '../domain/social/moderation';
import * as posts from '../domain/social/posts';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Posts, comments, following, link previews and the feed (search: http/search.ts). */
export const handler = featureLambda('posts', [
  implement(routes.createPost, async ({ caller, body }) => posts.createPost(caller, body), { caller: true }),
  implement(routes.listSpacePosts, async ({ caller, params, query }) =>
    posts.listSpacePosts(caller, { type: params.spaceType, id: params.spaceId }, query),
    { caller: true },
  ),
  implement(routes.getPost, async ({ caller, params }) => posts.getPost(caller, params.postId), { caller: true }),
  implement(routes.editPost, async ({ caller, params, body }) => posts.editPost(caller, params.postId, body.text), { caller: true }),
  implement(routes.deletePost, async ({ caller, params }) => (await posts.deletePost(caller, params.postId), done), { caller: true }),
  implement(routes.hidePost, async ({ caller, params }) => posts.hidePost(caller, params.postId), { caller: true }),
  implement(routes.listComments, async ({ caller, params, query }) => posts.listComments(caller, params.postId, query), { caller: true }),
  implement(routes.addComment, async ({ caller, params, body }) => posts.addComment(caller, params.postId, body), { caller: true }),
  implement(routes.hideComment, async ({ caller, params }) => posts.hideComment(caller, params.postId, params.commentId), { caller: true }),
  implement(routes.editComment, async ({ caller, params, body }) => posts.editComment(caller, params.postId, params.commentId, body.text), { caller: true }),
  implement(routes.deleteComment, async ({ caller, params }) => (await posts.deleteComment(caller, params.postId, params.commentId), done), { caller: true }),
  implement(routes.followPost, async ({ caller, params }) => posts.setFollowing(caller, params.postId, true), { caller: true }),
  implement(routes.unfollowPost, async ({ caller, params }) => posts.setFollowing(caller, params.postId, false), { caller: true }),
  implement(routes.previewLink, async ({ caller, body }) => posts.previewLink(caller, body.url), { caller: true }),
  implement(routes.readFeed, async ({ caller, query }) => readFeed(caller, query), { caller: true }),

  implement(routes.reportContent, async ({ caller, params, body }) => moderation.reportContent(caller, params.postId, body), { caller: true }),
  implement(routes.listSpaceReports, async ({ caller, params, query }) =>
    moderation.listSpaceReports(caller, { type: params.spaceType, id: params.spaceId }, query),
    { caller: true },
  ),
  implement(routes.escalateReport, async ({ caller, params }) => moderation.escalateReport(caller, params.reportId), { caller: true }),
  implement(routes.listEscalations, async ({ caller, query }) => moderation.listEscalations(caller, query), { caller: true }),
  implement(routes.hideReportedMessage, async ({ caller, params }) => moderation.hideReportedMessage(caller, params.reportId), { caller: true }),
  implement(routes.blockInSpace, async ({ caller, params }) =>
    moderation.setBlocked(caller, { type: params.spaceType, id: params.spaceId }, params.userId, true),
    { caller: true },
  ),
  implement(routes.unblockInSpace, async ({ caller, params }) =>
    moderation.setBlocked(caller, { type: params.spaceType, id: params.spaceId }, params.userId, false),
    { caller: true },
  ),
  implement(routes.listSpaceBlocks, async ({ caller, params, query }) =>
    moderation.listSpaceBlocks(caller, { type: params.spaceType, id: params.spaceId }, query),
    { caller: true },
  ),
]);
