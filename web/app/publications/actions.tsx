'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { ReactNode } from 'react';
import { PostCard } from '../../components/social/PostCard';
import { t } from '../../i18n';
import { all, failure, refusalLine, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { safeNextPath } from '../../lib/session-core';
import { callAsSignedIn, requireSession } from '../../lib/session';

// A refused file has no field of its own in the form: its reason is told at the top.
const postFields = ['text', 'space'] as const;

/** The composer: a post in the space its hidden fields name; the API reads the link's preview itself. */
export async function publishPost(_previous: FormState, form: FormData): Promise<FormState> {
  const back = safeNextPath(text(form, 'retour'), '/');
  const session = await requireSession(back);
  // Links and video addresses are found in the text by the API.
  const values = { text: text(form, 'text') };
  const spaceType = text(form, 'spaceType') as 'section' | 'federation' | 'group' | 'profile' | 'national';
  // Files already sent and checked by the picker (AttachmentPicker): their ids only.
  const attachments = all(form, 'attachments').filter(Boolean);
  try {
    await callAsSignedIn(session, back, routes.createPost, {
      body: {
        space: { type: spaceType, id: text(form, 'spaceId') },
        text: values.text,
        ...(attachments.length && { attachments }),
      },
    });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, postFields);
  }
  refresh();
  return { status: 'done', message: t('composer.published'), values: { text: '' } };
}

/** A comment, or a reply to one (`parentId`). */
export async function addComment(_previous: FormState, form: FormData): Promise<FormState> {
  const postId = text(form, 'postId');
  const parentId = text(form, 'parentId');
  const session = await requireSession(`/publications/${postId}`);
  const values = { text: text(form, 'text') };
  try {
    await callAsSignedIn(session, `/publications/${postId}`, routes.addComment, { params: { postId }, body: { ...values, ...(parentId && { parentId }) } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['text']);
  }
  refresh();
  return { status: 'idle', values: { text: '' } };
}

/** The author changes their post's text (from its « … » menu). */
export async function editPost(_previous: FormState, form: FormData): Promise<FormState> {
  const postId = text(form, 'postId');
  const back = safeNextPath(text(form, 'retour'), `/publications/${postId}`);
  const session = await requireSession(back);
  const values = { text: text(form, 'text') };
  try {
    await callAsSignedIn(session, back, routes.editPost, { params: { postId }, body: values });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['text']);
  }
  refresh();
  return { status: 'done', message: t('post.saved'), values };
}

/** The author deletes their post: back to where they were, or home from the post's own page. */
export async function deletePost(form: FormData): Promise<void> {
  const postId = text(form, 'postId');
  const own = `/publications/${postId}`;
  const back = safeNextPath(text(form, 'retour'), '/');
  const session = await requireSession(back);
  await callAsSignedIn(session, back, routes.deletePost, { params: { postId } });
  if (back === own) redirect('/');
  refresh();
}

/** The author changes their comment. */
export async function editComment(_previous: FormState, form: FormData): Promise<FormState> {
  const postId = text(form, 'postId');
  const commentId = text(form, 'commentId');
  const session = await requireSession(`/publications/${postId}`);
  const values = { text: text(form, 'text') };
  try {
    await callAsSignedIn(session, `/publications/${postId}`, routes.editComment, { params: { postId, commentId }, body: values });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['text']);
  }
  refresh();
  return { status: 'done', message: t('post.saved'), values };
}

export async function deleteComment(form: FormData): Promise<void> {
  const postId = text(form, 'postId');
  const session = await requireSession(`/publications/${postId}`);
  await callAsSignedIn(session, `/publications/${postId}`, routes.deleteComment, { params: { postId, commentId: text(form, 'commentId') } });
  refresh();
}

export async function setFollowing(form: FormData): Promise<void> {
  const postId = text(form, 'postId');
  const session = await requireSession(`/publications/${postId}`);
  const route = text(form, 'follow') === 'oui' ? routes.followPost : routes.unfollowPost;
  await callAsSignedIn(session, `/publications/${postId}`, route, { params: { postId } });
  refresh();
}

/** The next page of the feed, rendered here (infinite scroll): the posts and where to go on. */
export async function moreFeed(cursor: string): Promise<{ nodes: ReactNode[]; next: string | null }> {
  const session = await requireSession('/');
  const page = await callAsSignedIn(session, '/', routes.readFeed, { query: { cursor, limit: 20 } });
  return { nodes: page.items.map((post) => <li key={post.id}><PostCard post={post} back="/" /></li>), next: page.nextCursor };
}

export type AttachmentAnswer =
  | { ok: true; attachment: { id: string; name: string; kind: 'image' | 'document'; size: number; alt?: string } }
  | { ok: false; message: string };

/** The picker's first step: a presigned form for one file (the API fixes its key, type and size). */
export async function prepareAttachment(
  file: { name: string; contentType: string; size: number; alt?: string },
): Promise<{ ok: true; id: string; url: string; fields: Record<string, string> } | { ok: false; message: string }> {
  const session = await requireSession('/');
  try {
    const upload = await callAsSignedIn(session, '/', routes.createAttachmentUpload, {
      body: { name: file.name, contentType: file.contentType as 'application/pdf', size: file.size, ...(file.alt && { alt: file.alt }) },
    });
    return { ok: true, id: upload.attachment.id, url: upload.url, fields: upload.fields };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, message: refusalLine(error, 'The attachment') };
  }
}

/** The picker's last step: the API checks what arrived in the bucket before the post may use it. */
export async function confirmAttachment(id: string): Promise<AttachmentAnswer> {
  const session = await requireSession('/');
  try {
    const attachment = await callAsSignedIn(session, '/', routes.confirmAttachment, { params: { attachmentId: id } });
    return { ok: true, attachment };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, message: refusalLine(error, 'The attachment') };
  }
}
