'use server';

import { routes, type ChatMessage } from '@coopol/contracts';
import { refresh } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { all, failure, refusalLine, text } from '../../lib/form-actions';
import type { FormState } from '../../lib/form-state';
import { safeNextPath } from '../../lib/safe-next-path';
import { callAsSignedIn, requireSession } from '../../lib/session';

/**
 * The server actions behind the messages' pages (issue 15). The forms (« Écrire », « Bloquer »,
 * mute, leave) work without JavaScript; the conversation's live view calls the others directly and
 * is answered `ChatResult`: what the API gave, or why not and whether to send again by itself.
 */

type Message = z.output<typeof ChatMessage>;
export type ChatResult<T> = { ok: true; value: T } | { ok: false; reason: string; retry: boolean };

const pageOf = (conversationId: string) => `/messages/${encodeURIComponent(conversationId)}`;

/** An API answer as the live view takes it: a refusal is told (with its details), saturation or an outage is tried again. */
async function answer<T>(call: () => Promise<T>): Promise<ChatResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    // A redirect to sign in (the session is over) goes on to the browser.
    unstable_rethrow(error);
    // Saturation (a 429 without a reason of ours) or an outage is tried again; a refusal is told.
    if (!isApiError(error)) console.error('A messaging action could not reach the API', error);
    const retry = !isApiError(error) || error.statusCode >= 500 || (error.statusCode === 429 && !error.code);
    return { ok: false, reason: retry ? t('form.unavailable') : refusalLine(error, 'A messaging action'), retry };
  }
}

/** « Écrire » on a profile or beside a coopain: the conversation with that person (the same one each time), or why not. */
export async function writeTo(_state: FormState, form: FormData): Promise<FormState> {
  const userId = text(form, 'userId');
  const back = safeNextPath(text(form, 'retour'), '/messages');
  const session = await requireSession(back);
  let conversationId: string;
  try {
    conversationId = (await callAsSignedIn(session, back, routes.startConversation, { body: { participantIds: [userId] } })).id;
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, {}, []);
  }
  redirect(pageOf(conversationId));
}

/** Sends one message; the same `clientMessageId` sent again (a dropped connection) is stored once. */
export async function sendMessage(conversationId: string, message: { text: string; clientMessageId: string; attachments?: string[] }): Promise<ChatResult<Message>> {
  const session = await requireSession(pageOf(conversationId));
  return answer(() => callAsSignedIn(session, pageOf(conversationId), routes.sendMessage, { params: { conversationId }, body: message }));
}

/**
 * The composer without JavaScript: the message sent, the page drawn again with it; refused (too long,
 * too many at once, a block), the page says why above the composer and keeps what was typed.
 */
export async function sendFromForm(_state: FormState, form: FormData): Promise<FormState> {
  const conversationId = text(form, 'conversationId');
  const session = await requireSession(pageOf(conversationId));
  const body = { text: text(form, 'text'), clientMessageId: text(form, 'clientMessageId'), attachments: all(form, 'attachments').filter(Boolean) };
  try {
    await callAsSignedIn(session, pageOf(conversationId), routes.sendMessage, { params: { conversationId }, body });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, { text: body.text }, []);
  }
  redirect(pageOf(conversationId));
}

/** A page of messages, newest first: the next older one (`cursor`), or the newest (after the live channel was away). */
export async function messagesPage(conversationId: string, cursor?: string): Promise<ChatResult<{ items: Message[]; nextCursor: string | null }>> {
  const session = await requireSession(pageOf(conversationId));
  return answer(() => callAsSignedIn(session, pageOf(conversationId), routes.listMessages, { params: { conversationId }, query: { limit: 30, ...(cursor ? { cursor } : {}) } }));
}

export async function markRead(conversationId: string, lastReadMessageId: string): Promise<ChatResult<unknown>> {
  const session = await requireSession(pageOf(conversationId));
  return answer(() => callAsSignedIn(session, pageOf(conversationId), routes.markConversationRead, { params: { conversationId }, body: { lastReadMessageId } }));
}

export async function editMessage(conversationId: string, messageId: string, newText: string): Promise<ChatResult<Message>> {
  const session = await requireSession(pageOf(conversationId));
  return answer(() => callAsSignedIn(session, pageOf(conversationId), routes.editMessage, { params: { conversationId, messageId }, body: { text: newText } }));
}

export async function deleteMessage(conversationId: string, messageId: string): Promise<ChatResult<Message>> {
  const session = await requireSession(pageOf(conversationId));
  return answer(() => callAsSignedIn(session, pageOf(conversationId), routes.deleteMessage, { params: { conversationId, messageId } }));
}

/** « Signaler » on someone else's message: to the national moderation team, who see that message only. */
export async function reportMessage(conversationId: string, messageId: string, reason: string): Promise<ChatResult<unknown>> {
  const session = await requireSession(pageOf(conversationId));
  return answer(() => callAsSignedIn(session, pageOf(conversationId), routes.reportMessage, { params: { conversationId, messageId }, body: { reason } }));
}

export async function muteConversation(form: FormData): Promise<void> {
  const conversationId = text(form, 'conversationId');
  const session = await requireSession(pageOf(conversationId));
  await callAsSignedIn(session, pageOf(conversationId), routes.muteConversation, { params: { conversationId }, body: { muted: text(form, 'muted') === 'true' } });
  refresh();
}

export async function leaveConversation(form: FormData): Promise<void> {
  const conversationId = text(form, 'conversationId');
  const session = await requireSession(pageOf(conversationId));
  await callAsSignedIn(session, pageOf(conversationId), routes.leaveConversation, { params: { conversationId } });
  redirect('/messages');
}

/** « Bloquer » on a profile and « Débloquer » there or in « Personnes bloquées ». */
export async function changeBlock(form: FormData): Promise<void> {
  const userId = text(form, 'userId');
  const back = safeNextPath(text(form, 'retour'), '/profil');
  const session = await requireSession(back);
  const route = text(form, 'action') === 'block' ? routes.blockPerson : routes.unblockPerson;
  await callAsSignedIn(session, back, route, { params: { userId } });
  refresh();
}

/**
 * The salon of a section or group, from its page (ADR 0029 § Salons): join it, or — those who run the
 * space — open, close, reopen it. Joined or opened, one lands in it; closed, back on the space's page.
 * A refusal is told in place.
 */
export async function salonAction(_state: FormState, form: FormData): Promise<FormState> {
  const spaceType = text(form, 'spaceType') === 'group' ? ('group' as const) : ('section' as const);
  const spaceId = text(form, 'spaceId');
  const what = text(form, 'action');
  const back = safeNextPath(text(form, 'retour'), '/');
  const session = await requireSession(back);
  const params = { spaceType, spaceId };
  let salon: { conversationId: string };
  try {
    salon =
      what === 'join'
        ? await callAsSignedIn(session, back, routes.joinSalon, { params })
        : await callAsSignedIn(session, back, routes.setSalonOpen, { params, body: { open: what === 'open' } });
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, {}, []);
  }
  redirect(what === 'close' ? back : pageOf(salon.conversationId));
}
