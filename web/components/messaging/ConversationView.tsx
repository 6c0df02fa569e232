'use client';

import { Fragment, useActionState, useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { deleteMessage, editMessage, markRead, messagesPage, reportMessage, sendFromForm, sendMessage, type ChatResult } from '../../app/messages/actions';
import { confirmAttachment, prepareAttachment } from '../../app/publications/actions';
import { t, tc } from '../../i18n/client/messaging';
import type { LiveMessage } from '../../lib/realtime';
import { AttachedFiles } from '../social/AttachedFiles';
import type { Ready } from '../social/AttachmentPicker';
import { LazyAttachmentPicker } from '../social/LazyAttachmentPicker';
import { IconSvg } from '../ui/IconSvg';
import { paperclip as paperclipShape } from '../ui/shapes/paperclip';
import styles from './messaging.module.css';

const MAX_LENGTH = 4000;
/** The counter shows when the text comes near the limit. */
const COUNT_FROM = 3600;
const RETRY_MS = 5000;

interface Pending {
  clientMessageId: string;
  text: string;
  /** Files already sent to the bucket and checked: the message names them. */
  files?: readonly Ready[];
  state: 'sending' | 'waiting' | 'refused';
  reason?: string;
}

type Page = { items: LiveMessage[]; nextCursor: string | null };

/** Message ids sort by send time (ADR 0029): oldest first for drawing. */
function merge(current: LiveMessage[], incoming: LiveMessage[]): LiveMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const newClientId = () => crypto.randomUUID().replaceAll('-', '');
const outboxKey = (conversationId: string) => `coopol.messages.outbox.${conversationId}`;

function loadOutbox(conversationId: string): Pending[] {
  try {
    const saved = JSON.parse(localStorage.getItem(outboxKey(conversationId)) ?? '[]') as Pending[];
    return Array.isArray(saved) ? saved.filter((p) => typeof p.clientMessageId === 'string' && typeof p.text === 'string').map((p) => ({ ...p, state: p.state === 'refused' ? 'refused' : 'waiting' })) : [];
  } catch {
    return [];
  }
}

function saveOutbox(conversationId: string, pending: Pending[]): void {
  try {
    if (pending.length) localStorage.setItem(outboxKey(conversationId), JSON.stringify(pending));
    else localStorage.removeItem(outboxKey(conversationId));
  } catch {
    // Private browsing with no storage: the outbox lives as long as the tab.
  }
}

// Paris time, as everywhere on the site; with Intl only, so this view carries no date library.
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });

function dayLabel(at: string, now: Date): string {
  const day = dayKey.format(new Date(at));
  if (day === dayKey.format(now)) return t('chat.today');
  if (day === dayKey.format(new Date(now.getTime() - 86_400_000))) return t('chat.yesterday');
  const label = longDay.format(new Date(at));
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Links made clickable: http(s) addresses only, the punctuation closing a sentence left out. */
function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = match[0].replace(/[.,;:!?)\]»'’]+$/, '');
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} target="_blank" rel="noopener noreferrer nofollow ugc">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Whether the end of the conversation (its composer) is on screen or nearly: new messages then keep it there. */
const nearEnd = (end: HTMLElement | null) => !end || end.getBoundingClientRect().top - window.innerHeight < 200;

const fileWords = {
  documents: t('chat.files'),
  download: (name: string) => t('chat.download', { name }),
  imageNoAlt: (name: string) => t('chat.imageNoAlt', { name }),
};

/**
 * A conversation's messages, live (ADR 0029): the newest at the bottom, older ones by pages above;
 * new messages, edits and deletions from the live channel; the composer, whose messages go through
 * an outbox kept in the browser, so that one typed offline or while the connection drops is sent
 * once, when it comes back (the same client id each time, stored once by the API); one's own
 * messages edited or deleted in place; read up to the newest while the tab is in view.
 * Without JavaScript the composer is a plain form (`sendFromForm`).
 */
export function ConversationView({
  conversationId,
  me,
  initial,
  lastReadMessageId,
  formClientMessageId,
  salon,
}: {
  conversationId: string;
  /** A space's salon: its reports go to the space's moderators, and once closed nobody writes in it. */
  salon?: { open: boolean };
  me: string | null;
  /** The newest page, newest first, as the API gives it. */
  initial: Page;
  lastReadMessageId: string | null;
  /** For the form without JavaScript; the view makes its own for each message. */
  formClientMessageId: string;
}) {
  const [messages, setMessages] = useState(() => merge([], initial.items));
  const [olderCursor, setOlderCursor] = useState(initial.nextCursor);
  const [older, setOlder] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [pending, setPending] = useState<Pending[]>([]);
  // Without JavaScript the form posts to the server, which answers a refusal here (and what was typed).
  const [sentWithoutScript, sendWithoutScript] = useActionState(sendFromForm, { status: 'idle' });
  const [draft, setDraft] = useState(() => (typeof sentWithoutScript.values?.text === 'string' ? sentWithoutScript.values.text : ''));
  const [files, setFiles] = useState<readonly Ready[]>([]);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reporting, setReporting] = useState<{ id: string; reason: string } | null>(null);
  const [reported, setReported] = useState<ReadonlySet<string>>(() => new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const [now, setNow] = useState(() => new Date());
  // Where the unread began when the page opened: the « Nouveaux messages » line stays there.
  const [firstUnread] = useState(() => initial.items.filter((m) => m.authorId !== me && (!lastReadMessageId || m.id > lastReadMessageId)).at(-1)?.id ?? null);

  const readUpTo = useRef(lastReadMessageId);
  const inFlight = useRef(new Set<string>());
  const stickToBottom = useRef(true);
  const end = useRef<HTMLDivElement>(null);
  const heightBeforeOlder = useRef<number | null>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const updatePending = useCallback(
    (change: (current: Pending[]) => Pending[]) => {
      setPending((current) => {
        const next = change(current);
        saveOutbox(conversationId, next);
        return next;
      });
    },
    [conversationId],
  );

  const receive = useCallback((incoming: LiveMessage[]) => {
    stickToBottom.current = nearEnd(end.current);
    setMessages((current) => merge(current, incoming));
  }, []);

  const newest = messages.at(-1)?.id ?? null;

  // Read up to the newest message while the tab is in view.
  useEffect(() => {
    const mark = () => {
      if (!newest || document.visibilityState !== 'visible') return;
      if (readUpTo.current && readUpTo.current >= newest) return;
      readUpTo.current = newest;
      void markRead(conversationId, newest).catch(() => {
        readUpTo.current = null;
      });
    };
    const timer = setTimeout(mark, 300);
    document.addEventListener('visibilitychange', mark);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', mark);
    };
  }, [conversationId, newest]);

  const deliver = useCallback(
    async (item: Pending) => {
      if (inFlight.current.has(item.clientMessageId)) return;
      inFlight.current.add(item.clientMessageId);
      updatePending((current) => current.map((p) => (p.clientMessageId === item.clientMessageId ? { ...p, state: 'sending' } : p)));
      let result: ChatResult<LiveMessage> | undefined;
      try {
        result = await sendMessage(conversationId, { text: item.text, clientMessageId: item.clientMessageId, attachments: (item.files ?? []).map((f) => f.id) });
      } catch {
        // The site could not be reached (offline, a dropped connection): the outbox keeps it.
      }
      inFlight.current.delete(item.clientMessageId);
      if (result?.ok) {
        stickToBottom.current = true;
        setMessages((current) => merge(current, [result.value]));
        updatePending((current) => current.filter((p) => p.clientMessageId !== item.clientMessageId));
        return;
      }
      const state = !result || result.retry ? 'waiting' : 'refused';
      updatePending((current) => current.map((p) => (p.clientMessageId === item.clientMessageId ? { ...p, state, reason: result && !result.ok ? result.reason : undefined } : p)));
    },
    [conversationId, updatePending],
  );

  const sendWaiting = useCallback(() => {
    if (navigator.onLine === false) return;
    for (const item of pendingRef.current) if (item.state === 'waiting') void deliver(item);
  }, [deliver]);

  // What an earlier visit left unsent, sent now.
  useEffect(() => {
    const saved = loadOutbox(conversationId);
    if (saved.length === 0) return;
    setPending(saved);
    pendingRef.current = saved;
    sendWaiting();
  }, [conversationId, sendWaiting]);

  // Back online, or every few seconds while something waits.
  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine !== false);
      sendWaiting();
    };
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    const timer = setInterval(sendWaiting, RETRY_MS);
    const tick = setInterval(() => setNow(new Date()), 60_000);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      clearInterval(timer);
      clearInterval(tick);
    };
  }, [sendWaiting]);

  // The live channel: new and changed messages; after it was away, the newest page again.
  useEffect(() => {
    let stop: () => void = () => {};
    let gone = false;
    void import('../../lib/realtime').then(({ listen }) => {
      if (gone) return;
      stop = listen((frame) => {
        if ((frame.type === 'message' || frame.type === 'message-changed') && frame.message.conversationId === conversationId) {
          receive([frame.message]);
          const clientId = frame.message.clientMessageId;
          if (clientId && frame.message.authorId === me) updatePending((current) => current.filter((p) => p.clientMessageId !== clientId));
        } else if (frame.type === 'connected' && frame.again) {
          sendWaiting();
          void messagesPage(conversationId).then((page) => page.ok && receive(page.value.items));
        }
      });
    });
    return () => {
      gone = true;
      stop();
    };
  }, [conversationId, me, receive, sendWaiting, updatePending]);

  // Opened at the newest message, the composer at the bottom of the screen; kept there as messages
  // arrive, unless one is reading further up.
  useLayoutEffect(() => {
    if (heightBeforeOlder.current !== null) {
      window.scrollBy(0, document.documentElement.scrollHeight - heightBeforeOlder.current);
      heightBeforeOlder.current = null;
    } else if (stickToBottom.current) {
      end.current?.scrollIntoView({ block: 'end' });
    }
  }, [messages.length, pending.length]);

  const loadOlder = async () => {
    if (!olderCursor) return;
    setOlder('loading');
    const page = await messagesPage(conversationId, olderCursor).catch(() => undefined);
    if (!page?.ok) return setOlder('failed');
    heightBeforeOlder.current = document.documentElement.scrollHeight;
    stickToBottom.current = false;
    setMessages((current) => merge(current, page.value.items));
    setOlderCursor(page.value.nextCursor);
    setOlder('idle');
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if ((!text && files.length === 0) || text.length > MAX_LENGTH) return;
    const item: Pending = { clientMessageId: newClientId(), text, ...(files.length && { files }), state: 'sending' };
    updatePending((current) => [...current, item]);
    pendingRef.current = [...pendingRef.current, item];
    setDraft('');
    setFiles([]);
    stickToBottom.current = true;
    void deliver(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const act = async (call: Promise<ChatResult<LiveMessage>>) => {
    setActionError(null);
    const result = await call.catch(() => undefined);
    if (!result) return setActionError(t('chat.unavailable'));
    if (!result.ok) return setActionError(t('chat.failed', { reason: result.reason }));
    setMessages((current) => merge(current, [result.value]));
    setEditing(null);
    setConfirming(null);
  };

  let previous: LiveMessage | undefined;
  return (
    <section className={styles.chat} aria-label={t('chat.listLabel')}>
      <div className={styles.olderRow}>
        {olderCursor ? (
          <button type="button" className="button button-secondary" onClick={() => void loadOlder()} disabled={older === 'loading'}>
            {older === 'loading' ? t('chat.loading') : t('chat.older')}
          </button>
        ) : (
          messages.length > 0 && <p className={styles.beginning}>{t('chat.beginning')}</p>
        )}
        {older === 'failed' && (
          <p role="alert" className={styles.error}>
            {t('chat.olderFailed')}
          </p>
        )}
      </div>
      {messages.length === 0 && pending.length === 0 && <p className={styles.emptyChat}>{t('chat.empty')}</p>}
      {/* A log: what arrives is read out by screen readers; the list inside keeps its items. */}
      <div role="log">
      <ol className={styles.messages} data-messages="">
        {messages.map((m) => {
          const mine = me !== null && m.authorId === me;
          const newDay = !previous || dayKey.format(new Date(previous.sentAt)) !== dayKey.format(new Date(m.sentAt));
          const showAuthor = !mine && (newDay || previous?.authorId !== m.authorId);
          previous = m;
          return (
            <Fragment key={m.id}>
              {newDay && (
                <li className={styles.day} aria-hidden="true">
                  {dayLabel(m.sentAt, now)}
                </li>
              )}
              {m.id === firstUnread && (
                <li className={styles.unreadLine}>
                  <span>{t('chat.newMessages')}</span>
                </li>
              )}
              <li className={`${styles.message} ${mine ? styles.mine : ''}`} data-message-id={m.id}>
                {showAuthor && <p className={styles.author}>{m.authorName}</p>}
                {editing?.id === m.id ? (
                  <form
                    className={styles.editor}
                    onSubmit={(event) => {
                      event.preventDefault();
                      const text = editing.text.trim();
                      if (text) void act(editMessage(conversationId, m.id, text));
                    }}
                  >
                    <label className="visually-hidden" htmlFor={`edit-${m.id}`}>
                      {t('chat.editLabel')}
                    </label>
                    <textarea id={`edit-${m.id}`} value={editing.text} maxLength={MAX_LENGTH} onChange={(event) => setEditing({ id: m.id, text: event.target.value })} autoFocus />
                    <span className={styles.editorActions}>
                      <button type="submit" className="button button-primary">
                        {t('chat.save')}
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                        {t('chat.cancel')}
                      </button>
                    </span>
                  </form>
                ) : (
                  <div className={styles.bubble}>
                    {mine && <span className="visually-hidden">{t('chat.you')}&nbsp;: </span>}
                    {m.deleted ? (
                      <em className={styles.deleted}>{t('chat.deleted')}</em>
                    ) : (
                      <>
                        {m.text && <p className={styles.text}>{linkify(m.text)}</p>}
                        {m.attachments.length > 0 && <AttachedFiles files={m.attachments} words={fileWords} compact />}
                      </>
                    )}
                  </div>
                )}
                <p className={styles.meta}>
                  <time dateTime={m.sentAt}>{clock.format(new Date(m.sentAt))}</time>
                  {m.editedAt && !m.deleted && <span> {t('chat.edited')}</span>}
                  {mine && !m.deleted && editing?.id !== m.id && confirming !== m.id && (
                    <span className={styles.ownActions} role="group" aria-label={t('chat.actionsOn')}>
                      {m.text && (
                      <button type="button" className={styles.linkButton} onClick={() => setEditing({ id: m.id, text: m.text })}>
                        {t('chat.edit')}
                      </button>
                      )}
                      <button type="button" className={styles.linkButton} onClick={() => setConfirming(m.id)}>
                        {t('chat.delete')}
                      </button>
                    </span>
                  )}
                  {!mine && !m.deleted && reporting?.id !== m.id && !reported.has(m.id) && (
                    <button type="button" className={styles.linkButton} onClick={() => setReporting({ id: m.id, reason: '' })}>
                      {t('chat.report')}
                    </button>
                  )}
                  {reported.has(m.id) && <span role="status">{t('chat.reported')}</span>}
                </p>
                {reporting?.id === m.id && (
                  <form
                    className={styles.editor}
                    onSubmit={(event) => {
                      event.preventDefault();
                      const reason = reporting.reason.trim();
                      if (reason.length < 3) return;
                      void reportMessage(conversationId, m.id, reason)
                        .catch(() => undefined)
                        .then((result) => {
                          if (!result) return setActionError(t('chat.unavailable'));
                          if (!result.ok) return setActionError(t('chat.failed', { reason: result.reason }));
                          setActionError(null);
                          setReporting(null);
                          setReported((current) => new Set(current).add(m.id));
                        });
                    }}
                  >
                    <label htmlFor={`report-${m.id}`}>{t('chat.reportLabel')}</label>
                    <textarea id={`report-${m.id}`} value={reporting.reason} minLength={3} maxLength={1000} required aria-describedby={`report-hint-${m.id}`} onChange={(event) => setReporting({ id: m.id, reason: event.target.value })} autoFocus />
                    <span id={`report-hint-${m.id}`} className={styles.hint}>
                      {salon ? t('chat.reportHintSalon') : t('chat.reportHint')}
                    </span>
                    <span className={styles.editorActions}>
                      <button type="submit" className="button button-primary">
                        {t('chat.reportSend')}
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setReporting(null)}>
                        {t('chat.cancel')}
                      </button>
                    </span>
                  </form>
                )}
                {confirming === m.id && (
                  <div className={styles.confirm} role="group" aria-label={t('chat.deleteConfirm')}>
                    <p>{t('chat.deleteConfirm')}</p>
                    <button type="button" className="button button-primary" onClick={() => void act(deleteMessage(conversationId, m.id))}>
                      {t('chat.deleteYes')}
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                      {t('chat.cancel')}
                    </button>
                  </div>
                )}
              </li>
            </Fragment>
          );
        })}
        {pending.map((p) => (
          <li key={p.clientMessageId} className={`${styles.message} ${styles.mine} ${styles.pending}`} data-pending={p.state}>
            <div className={styles.bubble}>
              {p.text && <p className={styles.text}>{p.text}</p>}
              {p.files && p.files.length > 0 && (
                <ul className={styles.pendingFiles} aria-label={t('chat.files')}>
                  {p.files.map((file) => (
                    <li key={file.id}>
                      <IconSvg size={16}>{paperclipShape}</IconSvg> {file.name}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <p className={styles.meta} role="status">
              {p.state === 'sending' ? t('chat.sending') : p.state === 'waiting' ? t('chat.waiting') : t('chat.refused', { reason: p.reason ?? '' })}
              {p.state === 'refused' && (
                <span className={styles.ownActions}>
                  <button type="button" className={styles.linkButton} onClick={() => void deliver(p)}>
                    {t('chat.retry')}
                  </button>
                  <button type="button" className={styles.linkButton} onClick={() => updatePending((current) => current.filter((q) => q.clientMessageId !== p.clientMessageId))}>
                    {t('chat.discard')}
                  </button>
                </span>
              )}
            </p>
          </li>
        ))}
      </ol>
      </div>
      {actionError && (
        <p role="alert" className={styles.error}>
          {actionError}
        </p>
      )}
      {salon && !salon.open ? (
        <p className={styles.closedNote} role="note">
          {t('chat.salonClosed')}
        </p>
      ) : (
      <form action={sendWithoutScript} onSubmit={submit} className={styles.composer}>
        <input type="hidden" name="conversationId" value={conversationId} />
        <input type="hidden" name="clientMessageId" value={formClientMessageId} />
        {!online && <p className={styles.offline}>{t('chat.offline')}</p>}
        {sentWithoutScript.status !== 'idle' && sentWithoutScript.message && (
          <p role="alert" className={styles.error}>
            {sentWithoutScript.message}
          </p>
        )}
        <label htmlFor="chat-text" className="visually-hidden">
          {t('chat.composerLabel')}
        </label>
        <div className={styles.composerRow}>
          <textarea
            id="chat-text"
            name="text"
            rows={1}
            required={files.length === 0}
            maxLength={MAX_LENGTH}
            placeholder={t('chat.composerLabel')}
            aria-describedby="chat-hint"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="button button-primary">
            {t('chat.send')}
          </button>
        </div>
        <details className={styles.attach}>
          <summary>
            <IconSvg size={18}>{paperclipShape}</IconSvg>
            <span>{files.length ? tc('chat.filesCount', files.length) : t('chat.attach')}</span>
          </summary>
          <LazyAttachmentPicker
            purpose="message"
            files={files}
            onFilesChange={setFiles}
            prepare={prepareAttachment}
            confirm={confirmAttachment}
            noscript={<p className={styles.hint}>{t('chat.filesNeedScript')}</p>}
          />
        </details>
        <p id="chat-hint" className={styles.hint}>
          {t('chat.composerHint')}
          {draft.length >= COUNT_FROM && <span className={styles.count}> {t('chat.count', { count: draft.length, max: MAX_LENGTH })}</span>}
        </p>
      </form>
      )}
      <div ref={end} className={styles.end} />
    </section>
  );
}
