import type { ChatMessage } from '@coopol/contracts';
import type { z } from 'zod';

/**
 * The browser's end of the live channel (ADR 0029): one WebSocket per tab, shared by whatever the
 * page draws (the « Messages » badge, the inbox, a conversation). A one-minute ticket is asked of the
 * site (`POST /messages/canal`, the session stays in its httpOnly cookies), the socket opened with it,
 * a ping sent every 5 minutes (API Gateway closes a connection idle for 10), and a closed socket opened
 * again with a new ticket, waiting longer after each failure (1 s … 1 min), at once when the browser
 * comes back online or the tab into view. Nothing is logged when it cannot open: the pages work
 * without it, they only stop being live.
 *
 * Imported lazily by the components that listen, so that no page's first load carries it (ADR 0026);
 * the frames are checked by hand, not with the contract's zod schema, for the same reason.
 */

export type LiveMessage = z.output<typeof ChatMessage>;
export type LiveFrame =
  | { type: 'message' | 'message-changed'; message: LiveMessage }
  | { type: 'read'; conversationId: string; userId: string; lastReadMessageId: string }
  | { type: 'unread'; total: number }
  /** Not from the server: the socket (re)opened, so whatever came while it was closed is to be read again. */
  | { type: 'connected'; again: boolean };

type Listener = (frame: LiveFrame) => void;

const PING_MS = 5 * 60_000;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

const listeners = new Set<Listener>();
let socket: WebSocket | null = null;
let connecting = false;
let openedBefore = false;
let failures = 0;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
/** Set when the site says the session is gone: nothing more is tried in this tab. */
let signedOut = false;
let watching = false;

/** Listens to the live channel (opening it if needed); the returned function stops listening. */
export function listen(listener: Listener): () => void {
  listeners.add(listener);
  watch();
  void connect();
  return () => listeners.delete(listener);
}

/** Whether the socket is open now (a page may then stop asking the server by itself). */
export function isLive(): boolean {
  return socket?.readyState === WebSocket.OPEN;
}

function emit(frame: LiveFrame): void {
  for (const listener of listeners) listener(frame);
}

function watch(): void {
  if (watching) return;
  watching = true;
  const now = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    void connect();
  };
  window.addEventListener('online', now);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') now();
  });
}

function retryLater(): void {
  if (signedOut || retryTimer || listeners.size === 0) return;
  const wait = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
  failures += 1;
  // A little randomness, so the tabs of a reopened server do not all come back in the same second.
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void connect();
  }, wait * (0.8 + Math.random() * 0.4));
}

async function connect(): Promise<void> {
  if (signedOut || socket || connecting || listeners.size === 0 || navigator.onLine === false) return;
  connecting = true;
  let ticket: { ticket: string; url: string } | undefined;
  try {
    const answer = await fetch('/messages/canal', { method: 'POST', cache: 'no-store' });
    if (answer.status === 401) signedOut = true;
    else if (answer.ok) ticket = (await answer.json()) as { ticket: string; url: string };
  } catch {
    // Offline or the site unreachable: tried again below.
  }
  connecting = false;
  if (!ticket) return retryLater();

  const url = new URL(ticket.url, window.location.href);
  url.searchParams.set('ticket', ticket.ticket);
  let ws: WebSocket;
  try {
    ws = new WebSocket(url);
  } catch {
    return retryLater();
  }
  socket = ws;
  ws.addEventListener('open', () => {
    failures = 0;
    clearInterval(pingTimer);
    pingTimer = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ action: 'ping' }));
    }, PING_MS);
    emit({ type: 'connected', again: openedBefore });
    openedBefore = true;
  });
  ws.addEventListener('message', (event) => {
    const frame = readFrame(event.data);
    if (frame) emit(frame);
  });
  ws.addEventListener('close', () => {
    if (socket !== ws) return;
    clearInterval(pingTimer);
    socket = null;
    retryLater();
  });
}

function isMessage(value: unknown): value is LiveMessage {
  const m = value as Partial<LiveMessage> | null;
  return typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.conversationId === 'string' && typeof m.text === 'string';
}

/** A frame of the contract's `RealtimeEvent`, or null (a pong, or something this page does not know). */
export function readFrame(data: unknown): LiveFrame | null {
  if (typeof data !== 'string') return null;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return null;
  }
  switch (value.type) {
    case 'message':
    case 'message-changed':
      return isMessage(value.message) ? { type: value.type, message: value.message } : null;
    case 'read':
      return typeof value.conversationId === 'string' && typeof value.userId === 'string' && typeof value.lastReadMessageId === 'string'
        ? { type: 'read', conversationId: value.conversationId, userId: value.userId, lastReadMessageId: value.lastReadMessageId }
        : null;
    case 'unread':
      return typeof value.total === 'number' ? { type: 'unread', total: value.total } : null;
    default:
      return null;
  }
}
