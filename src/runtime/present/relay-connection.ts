/**
 * A page's connection to `deck present`'s relay: one WebSocket, opened again after every drop (a
 * Wi-Fi gap, the phone asleep, the relay restarted) with capped exponential backoff and jitter, so
 * a hall of viewers does not reconnect in one burst. Each open is a fresh start: the relay sends
 * the talk's state first, so the page re-syncs from that message alone.
 */
import { CONTROL_ROLE_QUERY } from '../../page-contract.ts';
import type { ClientMessage, ControlRole, ServerMessage } from '../../present/protocol.ts';

/** `connecting` until the socket opens; `waiting` between a drop and the next attempt. */
export type RelayStatus = 'connecting' | 'open' | 'waiting';

export interface RelayConnection {
  /** Sends when open; false (nothing sent) otherwise. */
  send(message: ClientMessage): boolean;
  status(): RelayStatus;
  close(): void;
}

export interface RelayHandlers {
  message(message: ServerMessage): void;
  /** Every change of status; `retryInMs` while waiting. */
  status?(status: RelayStatus, retryInMs?: number): void;
}

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5000;

/** Wait before attempt `attempt` (0 = the first retry): doubling from 250 ms up to 5 s, each spread over ±25 %. */
export function retryDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(base * (0.75 + random * 0.5));
}

/** The relay's WebSocket URL, relative to the page (`/p/<T>/…` → `ws://host/p/<T>/_relay?as=remote`). */
export function relayUrl(pageUrl: string, relayPath: string, as?: ControlRole): string {
  const url = new URL(relayPath, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = as ? `?${CONTROL_ROLE_QUERY}=${as}` : '';
  url.hash = '';
  return url.href;
}

function parse(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as ServerMessage | null;
    return message && typeof message === 'object' && typeof message.type === 'string' ? message : null;
  } catch {
    return null;
  }
}

export function connectRelay(url: string, handlers: RelayHandlers): RelayConnection {
  let socket: WebSocket | null = null;
  let status: RelayStatus = 'connecting';
  let attempt = 0;
  let retryTimer: number | undefined;
  let closed = false;

  const setStatus = (next: RelayStatus, retryInMs?: number) => {
    status = next;
    handlers.status?.(next, retryInMs);
  };

  function open(): void {
    window.clearTimeout(retryTimer);
    retryTimer = undefined;
    if (closed) return;
    setStatus('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      setStatus('open');
    });
    ws.addEventListener('message', (event: MessageEvent) => {
      const message = parse(event.data);
      if (message) handlers.message(message);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws || closed) return;
      socket = null;
      const delay = retryDelay(attempt++);
      setStatus('waiting', delay);
      retryTimer = window.setTimeout(open, delay);
    });
  }

  // Back on the network or in front again (a phone's screen turned on): try at once rather than wait out the backoff.
  const retryNow = () => {
    if (status === 'waiting' && document.visibilityState === 'visible') open();
  };
  window.addEventListener('online', retryNow);
  document.addEventListener('visibilitychange', retryNow);
  open();

  return {
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    status: () => status,
    close() {
      closed = true;
      window.clearTimeout(retryTimer);
      window.removeEventListener('online', retryNow);
      document.removeEventListener('visibilitychange', retryNow);
      socket?.close();
      socket = null;
    },
  };
}
