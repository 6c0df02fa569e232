'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { t } from '../../i18n';
import { failure, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { safeNextPath } from '../../lib/session-core';
import { callAsSignedIn, requireSession } from '../../lib/session';

/** Moderation's buttons: each calls one API route as the signed-in person (the API decides who may), then refreshes. */

type SpaceType = 'section' | 'federation' | 'group' | 'profile' | 'national';

async function asModerator(form: FormData, act: (session: Awaited<ReturnType<typeof requireSession>>, back: string) => Promise<unknown>): Promise<void> {
  const back = safeNextPath(text(form, 'retour'), '/');
  const session = await requireSession(back);
  await act(session, back);
  refresh();
}

/** Hides the reported post, or only the reported comment. */
export async function hideReported(form: FormData): Promise<void> {
  const postId = text(form, 'postId');
  const commentId = text(form, 'commentId');
  await asModerator(form, (session, back) =>
    commentId
      ? callAsSignedIn(session, back, routes.hideComment, { params: { postId, commentId } })
      : callAsSignedIn(session, back, routes.hidePost, { params: { postId } }),
  );
}

/** The national team withdraws a reported message (it becomes « Message supprimé » for everyone). */
export async function hideReportedMessage(form: FormData): Promise<void> {
  await asModerator(form, (session, back) => callAsSignedIn(session, back, routes.hideReportedMessage, { params: { reportId: text(form, 'reportId') } }));
}

export async function escalate(form: FormData): Promise<void> {
  await asModerator(form, (session, back) => callAsSignedIn(session, back, routes.escalateReport, { params: { reportId: text(form, 'reportId') } }));
}

/** Blocks (or unblocks) one person from posting in this space only. */
export async function setBlocked(form: FormData): Promise<void> {
  const params = { spaceType: text(form, 'spaceType') as SpaceType, spaceId: text(form, 'spaceId'), userId: text(form, 'userId') };
  const route = text(form, 'blocked') === 'oui' ? routes.blockInSpace : routes.unblockInSpace;
  await asModerator(form, (session, back) => callAsSignedIn(session, back, route, { params }));
}

/** Anyone who reads a post reports it (or one of its comments) to the space's moderators. */
export async function reportPost(_previous: FormState, form: FormData): Promise<FormState> {
  const postId = text(form, 'postId');
  const back = `/publications/${postId}`;
  const session = await requireSession(back);
  const values = { reason: text(form, 'reason') };
  try {
    await callAsSignedIn(session, back, routes.reportContent, { params: { postId }, body: values });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['reason']);
  }
  return { status: 'done', message: t('moderation.reported'), values: { reason: '' } };
}
