import type { ChatMessage } from '@coopol/contracts';
import type { z } from 'zod';

/**
 * The browser's end of the live channel (ADR 0029): one WebSocket per tab, shared by whatever the
 * page draws (the header's counts, the inbox, a conversation). A one-minute ticket is asked of the
 * site (`POST /messages/canal`, the session stays in its httpOnly cookies), the socket opened with it,
 * a ping sent every 5 minutes (API Gateway closes a connection idle for 10), and a closed socket opened
 * again with a new ticket, waiting longer after each failure (1 s … 1 min), at once when the browser
 * comes back online or the tab into view. Nothing is logged when it cannot open: the pages work
 * without it, they only stop being live.
 *
 * Imported lazily by the components that listen, so that no page's first load carries it (ADR 0026);
 * the frames are not checked with the contract's zod schema, for the same reason.
 */

export type LiveMessage = z.output<typeof ChatMessage>;
export type LiveFrame =
  | { type: 'message' | 'message-changed'; message: LiveMessage }
  | { type: 'read'; conversationId: string; userId: string; lastReadMessageId: string }
  | { type: 'unread'; total: number }
  | { type: 'notifications'; unread: number }
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

/**
 * The header's counts (`LiveCount`): where each is asked again, and the frame that carries it — the
 * field is named alike in both.
 */
const counts = {
  notifications: { source: '/notifications/non-lues', frame: 'notifications', field: 'unread' },
  messages: { source: '/messages/non-lus', frame: 'unread', field: 'total' },
} as const;
export type CountName = keyof typeof counts;

/**
 * Follows one of the header's counts: each frame that carries it, and the site asked again when the
 * channel opens after a drop (what came meanwhile was missed; coming back into view or online opens
 * it). The returned function stops.
 */
export function followCount(of: CountName, set: (count: number) => void): () => void {
  const { source, frame: type, field } = counts[of];
  const ask = () =>
    fetch(source, { cache: 'no-store' })
      .then((answer) => answer.json())
      .then((body: Record<string, unknown>) => typeof body[field] === 'number' && set(body[field]))
      .catch(() => undefined);
  return listen((frame) => {
    if (frame.type === type) set((frame as unknown as Record<string, number>)[field]!);
    else if (frame.type === 'connected' && frame.again) void ask();
  });
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

/** The frames the pages use (the contract's `RealtimeEvent`, less the pong). */
const known = new Set(['message', 'message-changed', 'read', 'unread', 'notifications']);

/**
 * A frame of the contract's `RealtimeEvent`, or null (a pong, or something this page does not know).
 * Its fields are not checked one by one: the server writes them from the contract's type, and every
 * page's first load would pay for the checks (ADR 0026).
 */
export function readFrame(data: unknown): LiveFrame | null {
  try {
    const value = JSON.parse(String(data)) as LiveFrame;
    return known.has(value?.type) ? value : null;
  } catch {
    return null;
  }
}
