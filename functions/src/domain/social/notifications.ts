import type { EntityItem } from 'electrodb';
import { alongsideCaller, type Caller, type CallerLoading } from '../access/caller';
import { factsOf } from '../access/load-caller';
import { canReadSpace, findingNeedsFriendship, mayFind, requirePerson, type Space } from '../access/policy';
import { sendMail } from '../mail/send';
import { PersonEmailEntity, PersonEntity } from '../people/entities';
import { siteLink } from '../../shared/site';
import {
  CommentEntity,
  DigestDueEntity,
  FriendshipEntity,
  GroupEntity,
  GroupMemberEntity,
  NotificationEntity,
  NotificationStateEntity,
  PostEntity,
  PostFollowerEntity,
  SearchEntryEntity,
  emailModes,
  notificationKinds,
  social,
} from './entities';
import { renderText, type ResolvedMention } from './formatting';
import { mentionedNames } from './mentions';
import { badCursor } from '../paging';
import { spaceOfPost } from './spaces';
import { isConditionFailure } from '../../shared/conditions';
import { NotFoundError } from '../errors';
import { expiryFrom } from '../privacy/retention';
import { markKeyRead, notificationIdOf } from './notification-reads';

export type NotificationKind = (typeof notificationKinds)[number];
export type EmailMode = (typeof emailModes)[number];
type StateItem = EntityItem<typeof NotificationStateEntity>;

/** Until a person chooses: conversations in a daily digest; requests, invitations and unread messages at once. */
export const defaultEmailModes: Record<NotificationKind, EmailMode> = {
  comment: 'daily',
  'friend-request': 'immediate',
  'group-request': 'immediate',
  'group-invitation': 'immediate',
  mention: 'immediate',
  message: 'immediate',
};
export const DIGEST_HOUR_UTC = 7;

export interface NewNotification {
  kind: NotificationKind;
  text: string;
  /** The text without its quote: shown with the current words once the quoted post or comment is edited. */
  lead?: string;
  path: `/${string}`;
  groupId?: string;
  /** What caused it (e.g. `comment:<id>`): with the recipient, makes the notification's id. */
  cause: string;
  /** The post (and comment) whose words it quotes: if they are hidden or deleted, so is the quote. */
  about?: { postId: string; commentId?: string; commentAt?: string };
  at: string;
}

/** The id the API shows: the notification's time (base 36 milliseconds) and its id, so that opening one is one write. */
const publicId = (n: { at: string; notificationId: string }) => `${Date.parse(n.at).toString(36)}.${n.notificationId}`;
const keyOfPublicId = (userId: string, id: string) => {
  const [time, notificationId] = id.split('.') as [string, string];
  return { userId, at: new Date(parseInt(time, 36)).toISOString(), notificationId };
};

const modeOf = (state: StateItem | undefined, kind: NotificationKind): EmailMode => state?.email?.[kind] ?? defaultEmailModes[kind];

/** `daily:2026-11-22`: the digest a notification made at `at` goes in (sent at 07:00 UTC of that day or the next). */
export function digestSlot(period: 'daily' | 'weekly', at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (at.getUTCHours() >= DIGEST_HOUR_UTC) day.setUTCDate(day.getUTCDate() + 1);
  if (period === 'weekly') {
    // The next Monday (or this one, before its sending hour).
    while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  }
  return `${period}:${day.toISOString().slice(0, 10)}`;
}

/**
 * Tells each recipient, once: the notification and the bell's count change in one transaction that
 * fails if this cause already notified them (a redelivered stream record changes nothing). Muted
 * groups are skipped. Email follows each person's choice: at once, or a marker for their digest.
 */
export async function notify(recipientIds: string[], notification: NewNotification): Promise<void> {
  const ids = [...new Set(recipientIds)];
  for (let i = 0; i < ids.length; i += 100) {
    const slice = ids.slice(i, i + 100);
    const [{ data: states }, { data: people }] = await Promise.all([
      NotificationStateEntity.get(slice.map((userId) => ({ userId }))).go(),
      PersonEntity.get(slice.map((userId) => ({ userId }))).go(),
    ]);
    const stateOf = new Map(states.map((s) => [s.userId, s]));
    const personOf = new Map(people.map((p) => [p.userId, p]));
    for (const userId of slice) {
      const state = stateOf.get(userId);
      const person = personOf.get(userId);
      if (!person) continue;
      if (notification.groupId && state?.mutedGroups?.includes(notification.groupId)) continue;
      const notificationId = notificationIdOf(notification.cause, userId);
      const result = await social.transaction
        .write(({ notification: n, notificationState }) => [
          n
            .create({
              userId,
              at: notification.at,
              notificationId,
              kind: notification.kind,
              text: notification.text,
              ...(notification.lead && { lead: notification.lead }),
              path: notification.path,
              groupId: notification.groupId,
              ...notification.about,
              expiresAt: expiryFrom('notification', Date.parse(notification.at)),
            })
            .commit(),
          notificationState.upsert({ userId }).add({ unread: 1 }).commit(),
        ])
        .go();
      if (result.canceled) continue; // already told
      const mode = modeOf(state, notification.kind);
      if (mode === 'immediate') {
        await sendMail({
          to: person.email,
          template: 'notification',
          data: { givenName: person.givenName, text: notification.text, url: siteLink(notification.path), settingsUrl: siteLink('/notifications/preferences') },
          kind: 'transactional',
        });
      } else if (mode === 'daily' || mode === 'weekly') {
        await DigestDueEntity.put({ slot: digestSlot(mode, new Date(notification.at)), userId, expiresAt: Math.floor(Date.now() / 1000) + 30 * 86400 }).go();
      }
    }
  }
}

/**
 * Those of these people (100 at most) who may read a space: 1 BatchGet of them, and one of their
 * standing in its group or their friendship with its owner. Nobody is told of what they may not read.
 */
async function readersAmong(space: Space, ids: string[]): Promise<string[]> {
  const [{ data: people }, standings, friendships] = await Promise.all([
    PersonEntity.get(ids.map((userId) => ({ userId }))).go(),
    space.type === 'group' ? GroupMemberEntity.get(ids.map((userId) => ({ groupId: space.id, userId }))).go() : { data: [] },
    space.type === 'profile' ? FriendshipEntity.get(ids.map((userId) => ({ userId, friendId: space.id }))).go() : { data: [] },
  ]);
  const standingOf = new Map(standings.data.map((m) => [m.userId, { state: m.state, role: m.role }]));
  const friends = new Set(friendships.data.filter((f) => f.state === 'friends').map((f) => f.userId));
  return people
    .filter((p) => canReadSpace({ kind: 'person', ...factsOf(p) }, space, { group: standingOf.get(p.userId), friends: friends.has(p.userId) }))
    .map((p) => p.userId);
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * A new comment: its post's followers (S12) but its author are told — only those who may still read
 * the post (a follower who left the group or the section is not told, nor shown its words). A reply
 * tells the author of the comment it answers, follower or not (1 Query of the post's comments, filtered).
 */
export async function notifyComment(comment: { postId: string; commentId: string; parentId?: string; authorId: string; authorName: string; text: string; createdAt: string }): Promise<void> {
  const { data: post } = await PostEntity.get({ postId: comment.postId }).go();
  if (!post) return;
  const space = spaceOfPost(post);
  const about = { postId: post.postId, commentId: comment.commentId, commentAt: comment.createdAt };
  const inGroup = space.type === 'group' ? { groupId: space.id } : {};
  let answered: string | undefined;
  if (comment.parentId) {
    const { data } = await CommentEntity.query.byPost({ postId: comment.postId }).where((attr, op) => op.eq(attr.commentId, comment.parentId!)).go({ pages: 'all' });
    const parent = data[0];
    if (parent && !parent.hidden && parent.authorId !== comment.authorId) {
      answered = parent.authorId;
      const lead = `${comment.authorName} a répondu à votre commentaire`;
      await notify(await readersAmong(space, [parent.authorId]), {
        kind: 'comment',
        text: `${lead} : « ${excerpt(comment.text)} »`,
        lead,
        path: `/publications/${post.postId}`,
        ...inGroup,
        cause: `reply:${comment.commentId}`,
        about,
        at: comment.createdAt,
      });
    }
  }
  let cursor: string | null = null;
  do {
    const page: { data: { userId: string }[]; cursor: string | null } = await PostFollowerEntity.query.byPost({ postId: comment.postId }).go({ cursor, limit: 100 });
    cursor = page.cursor;
    const ids = page.data.map((f) => f.userId).filter((id) => id !== comment.authorId && id !== answered);
    if (!ids.length) continue;
    await notify(
      await readersAmong(space, ids),
      {
        kind: 'comment',
        text: `${comment.authorName} a commenté « ${excerpt(post.text)} » : ${excerpt(comment.text)}`,
        lead: `${comment.authorName} a commenté une conversation que vous suivez`,
        path: `/publications/${post.postId}`,
        ...(space.type === 'group' && { groupId: space.id }),
        cause: `comment:${comment.commentId}`,
        about: { postId: post.postId, commentId: comment.commentId, commentAt: comment.createdAt },
        at: comment.createdAt,
      },
    );
  } while (cursor);
}

/**
 * The people a text mentions: for each `@…`, the people whose whole folded name is its first words
 * (the longest such name wins: « @Anne Martin merci » is Anne Martin), among those the author may
 * find (« qui peut me trouver », policy `mayFind`): a mention never reaches, nor reveals, someone
 * hidden from the author. Homonyms the author may find are all mentioned. One Query per mention
 * (S18's partition of the first word), the author's item and 1 BatchGet of friendships if needed.
 */
export async function resolveMentions(text: string, authorId: string): Promise<{ folded: string; userIds: string[] }[]> {
  const names = mentionedNames(text);
  if (!names.length) return [];
  const { data: authorItem } = await PersonEntity.get({ userId: authorId }).go();
  if (!authorItem) return [];
  const author = { kind: 'person' as const, ...factsOf(authorItem) };
  const pages = await Promise.all(
    names.map((words) => SearchEntryEntity.query.byToken({ token: `n:${words[0]!.slice(0, 3)}` }).begins({ key: `${words[0]}#person#` }).go({ pages: 'all' }).then((r) => r.data)),
  );
  const factsOfEntry = (e: (typeof pages)[number][number]) => ({ userId: e.refId, findableBy: e.findableBy, federationCode: e.federationCode, groupIds: e.groupIds });
  const ask = [...new Set(pages.flat().filter((e) => findingNeedsFriendship(author, factsOfEntry(e))).map((e) => e.refId))].slice(0, 100);
  const { data: friendships } = ask.length ? await FriendshipEntity.get(ask.map((friendId) => ({ userId: authorId, friendId }))).go() : { data: [] };
  const friends = new Set(friendships.filter((f) => f.state === 'friends').map((f) => f.friendId));
  const resolved: { folded: string; userIds: string[] }[] = [];
  names.forEach((words, index) => {
    const data = pages[index]!.filter((entry) => mayFind(author, factsOfEntry(entry), friends.has(entry.refId)));
    for (let length = words.length; length >= 2; length -= 1) {
      const name = words.slice(0, length).join(' ');
      const matches = data.filter((entry) => entry.folded === name);
      if (!matches.length) continue;
      resolved.push({ folded: name, userIds: [...new Set(matches.map((entry) => entry.refId))] });
      break;
    }
  });
  return resolved;
}

/**
 * A post or a comment that mentions people (`@Prénom Nom`): those of them who may read the post are
 * told (kind « mention »), never its author; someone mentioned in a secret group they are not in
 * learns nothing, not even that the post exists. A name that is one reader of the post is then
 * stored on the post or comment and rendered as a link to their profile — if its text is still the
 * one resolved (an edit since keeps the links of the names it still has: `editPost`).
 */
export async function notifyMentions(source: { postId: string; commentId?: string; createdAt: string; authorId: string; authorName: string; text: string }): Promise<void> {
  const resolved = await resolveMentions(source.text, source.authorId);
  const mentioned = [...new Set(resolved.flatMap((r) => r.userIds))];
  if (!mentioned.length) return;
  const { data: post } = await PostEntity.get({ postId: source.postId }).go();
  if (!post || post.hidden) return;
  const space = spaceOfPost(post);
  const readers = await readersAmong(space, mentioned);
  await linkMentions(source, resolved.flatMap((r) => (r.userIds.length === 1 && readers.includes(r.userIds[0]!) ? [{ folded: r.folded, userId: r.userIds[0]! }] : [])));
  const lead = `${source.authorName} vous a mentionné·e ${source.commentId ? 'dans un commentaire' : 'dans une publication'}`;
  await notify(readers.filter((id) => id !== source.authorId), {
    kind: 'mention',
    text: `${lead} : « ${excerpt(source.text)} »`,
    lead,
    path: `/publications/${post.postId}`,
    ...(space.type === 'group' && { groupId: space.id }),
    cause: source.commentId ? `mention:comment:${source.commentId}` : `mention:post:${source.postId}`,
    about: { postId: post.postId, ...(source.commentId && { commentId: source.commentId, commentAt: source.createdAt }) },
    at: source.createdAt,
  });
}

/** Stores the resolved mentions and the rendering that links them, unless the text changed or is gone since. */
async function linkMentions(source: { postId: string; commentId?: string; createdAt: string; text: string }, mentions: ResolvedMention[]): Promise<void> {
  if (!mentions.length) return;
  const set = { mentions, html: renderText(source.text, mentions) };
  await (source.commentId
    ? CommentEntity.patch({ postId: source.postId, createdAt: source.createdAt, commentId: source.commentId }).set(set).where((attr, op) => op.eq(attr.text, source.text)).go()
    : PostEntity.patch({ postId: source.postId }).set(set).where((attr, op) => op.eq(attr.text, source.text)).go()
  ).catch((error: Error) => {
    if (!isConditionFailure(error)) throw error;
  });
}

const friendRequestCause = (side: { friendId: string; at: string }) => `friend:${side.friendId}:${side.at}`;

/** A friend request: the person asked is told — unless they already answered it (1 GetItem). */
export async function notifyFriendRequest(side: { userId: string; friendId: string; friendName: string; state: string; at: string }): Promise<void> {
  if (side.state !== 'received') return;
  const { data: now } = await FriendshipEntity.get({ userId: side.userId, friendId: side.friendId }).go({ consistent: true });
  if (now?.state !== 'received' || now.at !== side.at) return;
  await notify([side.userId], { kind: 'friend-request', text: `${side.friendName} vous demande en coopain`, path: '/coopains', cause: friendRequestCause(side), at: side.at });
}

/** A friend request answered (accepted or declined): its notification is read. */
export async function friendRequestAnswered(side: { userId: string; friendId: string; at: string }): Promise<void> {
  await markKeyRead({ userId: side.userId, at: side.at, notificationId: notificationIdOf(friendRequestCause(side), side.userId) });
}

const groupRequestCause = (member: { groupId: string; userId: string; at: string }) => `group-request:${member.groupId}:${member.userId}:${member.at}`;
/** A group's managers (one Query of its standings, filtered: a group has few). */
const managersOf = async (groupId: string) =>
  (await GroupMemberEntity.query.byGroup({ groupId }).where((attr, op) => op.eq(attr.role, 'manager')).go({ pages: 'all' })).data;

/** A request to join a closed group: its managers are told. */
export async function notifyGroupRequest(member: { groupId: string; userId: string; displayName: string; groupName: string; state: string; at: string }): Promise<void> {
  if (member.state !== 'requested') return;
  const managers = await managersOf(member.groupId);
  await notify(
    managers.map((m) => m.userId),
    {
      kind: 'group-request',
      text: `${member.displayName} demande à rejoindre « ${member.groupName} »`,
      path: `/groupes/${member.groupId}`,
      groupId: member.groupId,
      cause: groupRequestCause(member),
      at: member.at,
    },
  );
}

/** A request to join answered (approved or refused by one of them): its notification is read by every manager. */
export async function groupRequestAnswered(member: { groupId: string; userId: string; at: string }): Promise<void> {
  const managers = await managersOf(member.groupId);
  await Promise.all(managers.map((m) => markKeyRead({ userId: m.userId, at: member.at, notificationId: notificationIdOf(groupRequestCause(member), m.userId) })));
}

const invitationCause = (invitation: { token: string }) => `invitation:${invitation.token}`;

/** An invitation to an address that already has an account: its owner sees it in the bell too. */
export async function notifyGroupInvitation(invitation: { token: string; groupId: string; email: string; createdAt: string }): Promise<void> {
  const [{ data: owner }, { data: group }] = await Promise.all([PersonEmailEntity.get({ email: invitation.email }).go(), GroupEntity.get({ groupId: invitation.groupId }).go()]);
  if (!owner || !group) return;
  await notify([owner.userId], {
    kind: 'group-invitation',
    text: `Vous êtes invité·e dans le groupe « ${group.name} »`,
    path: `/groupes/invitation/${invitation.token}`,
    cause: invitationCause(invitation),
    at: invitation.createdAt,
  });
}

/** An invitation accepted: its notification is read. */
export async function invitationAnswered(userId: string, invitation: { token: string; createdAt: string }): Promise<void> {
  await markKeyRead({ userId, at: invitation.createdAt, notificationId: notificationIdOf(invitationCause(invitation), userId) });
}

/** What a notification whose words were withdrawn says instead. */
export const WITHDRAWN_TEXT = 'Ce contenu a été retiré.';

/** What a notification whose quoted words were edited says when it was written before its lead was kept. */
export const EDITED_TEXT = 'Ce contenu a été modifié depuis.';

/**
 * Notifications quote posts and comments: the quote follows the content. Of a page of notifications,
 * the text each shows now (1 BatchGet of the posts + 1 of the comments, whatever the page holds):
 * `null` when its post or comment is hidden or deleted since (not shown again, in the bell or in a
 * digest), its lead with the current words when one of them was edited since.
 */
export async function shownTexts(items: EntityItem<typeof NotificationEntity>[]): Promise<Map<string, string | null>> {
  const postIds = [...new Set(items.flatMap((n) => (n.postId ? [n.postId] : [])))];
  const commentKeys = [...new Map(items.flatMap((n) => (n.postId && n.commentId && n.commentAt ? [[n.commentId, { postId: n.postId, createdAt: n.commentAt, commentId: n.commentId }] as const] : []))).values()];
  const [{ data: posts }, { data: comments }] = await Promise.all([
    postIds.length ? PostEntity.get(postIds.map((postId) => ({ postId }))).go({ attributes: ['postId', 'hidden', 'editedAt', 'text'] }) : { data: [] },
    commentKeys.length ? CommentEntity.get(commentKeys).go({ attributes: ['commentId', 'hidden', 'editedAt', 'text'] }) : { data: [] },
  ]);
  const postOf = new Map(posts.filter((p) => !p.hidden).map((p) => [p.postId, p]));
  const commentOf = new Map(comments.filter((c) => !c.hidden).map((c) => [c.commentId, c]));
  return new Map(
    items.map((n) => {
      const post = n.postId ? postOf.get(n.postId) : undefined;
      const comment = n.commentId ? commentOf.get(n.commentId) : undefined;
      if ((n.postId && !post) || (n.commentId && !comment)) return [n.notificationId, null];
      const edited = [post?.editedAt, comment?.editedAt].some((at) => at && at > n.at);
      if (!edited) return [n.notificationId, n.text];
      const quoted = (comment ?? post)!.text ?? '';
      return [n.notificationId, n.lead ? `${n.lead} : « ${excerpt(quoted)} »` : EDITED_TEXT];
    }),
  );
}

// ——— The bell and the preferences (routes) ———

/** My notifications, newest first (S15), with the bell's count (S16); quotes of withdrawn content are not shown. */
export async function listNotifications(loading: Caller | CallerLoading, page: { cursor?: string; limit: number }) {
  const now = Math.floor(Date.now() / 1000);
  // The page and the bell alongside the caller's load (both keyed by the token's user id), used once the caller is decided.
  const [caller, reads] = await alongsideCaller(loading, (userId) =>
    Promise.all([
      NotificationEntity.query
        .byPerson({ userId })
        .where((attr, op) => op.gt(attr.expiresAt, now))
        .go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit })
        .catch(badCursor(page.cursor)),
      NotificationStateEntity.get({ userId }).go(),
    ]),
  );
  requirePerson(caller);
  const [result, { data: state }] = reads;
  const texts = await shownTexts(result.data);
  return {
    items: result.data.map((n) => ({
      id: publicId(n),
      kind: n.kind,
      text: texts.get(n.notificationId) ?? WITHDRAWN_TEXT,
      path: n.path,
      at: n.at,
      read: Boolean(n.readAt) || Boolean(state?.readAt && n.at <= state.readAt),
    })),
    nextCursor: result.cursor ?? null,
    unread: Math.max(0, state?.unread ?? 0),
  };
}

/** The bell's count alone (1 GetItem). */
export async function unreadCount(caller: Caller) {
  const person = requirePerson(caller);
  const { data } = await NotificationStateEntity.get({ userId: person.userId }).go();
  return { unread: Math.max(0, data?.unread ?? 0) };
}

/** Opening one of my notifications (S15 + S16): a 404 for an id that is not one of mine. */
export async function markRead(caller: Caller, id: string) {
  const person = requirePerson(caller);
  const key = keyOfPublicId(person.userId, id);
  if (Number.isNaN(Date.parse(key.at))) throw new NotFoundError('notification.not-found', 'params.notificationId');
  const { data } = await NotificationEntity.get(key).go({ attributes: ['notificationId'] });
  if (!data) throw new NotFoundError('notification.not-found', 'params.notificationId');
  await markKeyRead(key);
  return unreadCount(caller);
}

export async function markAllRead(caller: Caller) {
  const person = requirePerson(caller);
  await NotificationStateEntity.upsert({ userId: person.userId }).set({ unread: 0, readAt: new Date().toISOString() }).go();
  return { unread: 0 };
}

export async function getNotificationSettings(caller: Caller) {
  const person = requirePerson(caller);
  const { data } = await NotificationStateEntity.get({ userId: person.userId }).go();
  return {
    email: Object.fromEntries(notificationKinds.map((kind) => [kind, modeOf(data ?? undefined, kind)])) as Record<NotificationKind, EmailMode>,
    mutedGroups: data?.mutedGroups ?? [],
  };
}

export async function updateNotificationSettings(caller: Caller, patch: { email?: Partial<Record<NotificationKind, EmailMode>>; mutedGroups?: string[] }) {
  const person = requirePerson(caller);
  const current = await getNotificationSettings(caller);
  const email = { ...current.email, ...patch.email };
  const mutedGroups = patch.mutedGroups ?? current.mutedGroups;
  await NotificationStateEntity.upsert({ userId: person.userId })
    .set({ email, ...(mutedGroups.length ? { mutedGroups } : {}) })
    .go();
  if (!mutedGroups.length && current.mutedGroups.length) await NotificationStateEntity.patch({ userId: person.userId }).remove(['mutedGroups']).go();
  return { email, mutedGroups };
}
