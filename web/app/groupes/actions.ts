'use server';

import { routes } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { t } from '../../i18n';
import { failure, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { callAsSignedIn, requireSession } from '../../lib/session';

export async function createGroup(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await requireSession('/groupes');
  const values = { name: text(form, 'name'), description: text(form, 'description'), kind: text(form, 'kind'), audience: text(form, 'audience') };
  let id: string;
  try {
    const group = await callAsSignedIn(session, '/groupes', routes.createGroup, {
      body: { name: values.name, description: values.description, kind: values.kind as 'open', audience: values.audience as 'all' },
    });
    id = group.id;
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['name', 'description', 'kind', 'audience']);
  }
  redirect(`/groupes/${id}`);
}

/** Join, request, leave: one button each on the group's page. */
export async function changeStanding(form: FormData): Promise<void> {
  const groupId = text(form, 'groupId');
  const session = await requireSession(`/groupes/${groupId}`);
  const route = text(form, 'action') === 'leave' ? routes.leaveGroup : routes.joinGroup;
  await callAsSignedIn(session, `/groupes/${groupId}`, route, { params: { groupId } });
  refresh();
}

export async function decideMember(form: FormData): Promise<void> {
  const groupId = text(form, 'groupId');
  const session = await requireSession(`/groupes/${groupId}`);
  await callAsSignedIn(session, `/groupes/${groupId}`, routes.decideGroupMember, {
    params: { groupId, userId: text(form, 'userId') },
    body: { action: text(form, 'action') as 'approve' },
  });
  refresh();
}

export async function invite(_previous: FormState, form: FormData): Promise<FormState> {
  const groupId = text(form, 'groupId');
  const session = await requireSession(`/groupes/${groupId}`);
  const values = { email: text(form, 'email') };
  try {
    await callAsSignedIn(session, `/groupes/${groupId}`, routes.inviteToGroup, { params: { groupId }, body: values });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, values, ['email']);
  }
  return { status: 'done', message: t('groups.invited', { email: values.email }), values: { email: '' } };
}

export async function acceptInvitation(_previous: FormState, form: FormData): Promise<FormState> {
  const token = text(form, 'token');
  const back = `/groupes/invitation/${token}`;
  const session = await requireSession(back);
  let id: string;
  try {
    id = (await callAsSignedIn(session, back, routes.acceptGroupInvitation, { params: { token } })).id;
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, {}, []);
  }
  redirect(`/groupes/${id}`);
}
