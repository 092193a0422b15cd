/**
 * The relay of `deck present`: WebSocket connections of one talk, on the HTTP server's port. Control
 * connections (presenter page, speaker view, remote) send states, commands and gotos; audience
 * connections only receive. The relay keeps the last state and sends it to every new connection.
 * Anything unexpected closes the offending connection (1008), never the relay or anyone else's.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  MAX_FRAME_BYTES,
  POLICY_VIOLATION_CLOSE,
  clientMessageSchema,
  type ClientMessage,
  type ControlRole,
  type ServerMessage,
  type TalkState,
} from './protocol.ts';
import { rejectUpgrade } from './reject-upgrade.ts';

export type RelayRole = ControlRole | 'audience';

export interface RelayLimits {
  /** Messages a control connection may send per second on average (token bucket). @defaultValue 30 */
  messagesPerSecond: number;
  /** Messages it may send at once before the average applies. @defaultValue 30 */
  burst: number;
  /** Bytes waiting to be sent to one connection above which it is dropped (a slow reader). @defaultValue 1 MiB */
  maxBufferedBytes: number;
  /** Time between pings; a connection that has not answered the last one is dropped. @defaultValue 30 s */
  heartbeatMs: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = { messagesPerSecond: 30, burst: 30, maxBufferedBytes: 1024 * 1024, heartbeatMs: 30_000 };

export interface RelayOptions {
  /** Most connections at once; more are refused with 503. */
  maxConnections: number;
  /** The state to start from (a resumed talk), and its sequence number. */
  state: TalkState | null;
  seq: number;
  /** Called with each new state (to save it). */
  onState?: (state: TalkState, seq: number) => void;
  log: (line: string) => void;
  limits?: Partial<RelayLimits>;
}

interface Connection {
  socket: WebSocket;
  role: RelayRole;
  /** Messages it may still send now (token bucket), and when that was last topped up. */
  allowance: number;
  toppedUpAt: number;
  answeredPing: boolean;
  refused: boolean;
}

export class Relay {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false, clientTracking: false });
  private readonly connections = new Set<Connection>();
  private readonly limits: RelayLimits;
  private readonly heartbeat: NodeJS.Timeout;
  private state: TalkState | null;
  private seq: number;
  private peersQueued = false;

  constructor(private readonly options: RelayOptions) {
    this.limits = { ...DEFAULT_RELAY_LIMITS, ...options.limits };
    this.state = options.state;
    this.seq = options.seq;
    this.heartbeat = setInterval(() => this.checkHeartbeats(), this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Takes over an HTTP upgrade whose token the caller has checked, as a connection of `role`. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, role: RelayRole): void {
    if (this.connections.size >= this.options.maxConnections) {
      this.options.log(`relay: refused a connection: ${this.options.maxConnections} connections already (--max-connections)`);
      rejectUpgrade(socket, 503);
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.connected(ws, role));
  }

  private connected(socket: WebSocket, role: RelayRole): void {
    const connection: Connection = { socket, role, allowance: this.limits.burst, toppedUpAt: performance.now(), answeredPing: true, refused: false };
    this.connections.add(connection);
    // Errors of one socket (bad frames, a reset) end that socket alone; 'close' follows.
    socket.on('error', () => {});
    socket.on('pong', () => (connection.answeredPing = true));
    socket.on('message', (data, isBinary) => this.received(connection, data, isBinary));
    socket.on('close', () => {
      this.connections.delete(connection);
      this.queuePeers();
    });
    if (this.state) this.send(connection, encode({ type: 'state', state: this.state, seq: this.seq }));
    this.queuePeers();
  }

  private received(connection: Connection, data: RawData, isBinary: boolean): void {
    if (connection.refused) return;
    if (connection.role === 'audience') return this.refuse(connection, 'an audience connection sent a message');
    if (!this.withinRate(connection)) return this.refuse(connection, 'too many messages');
    if (isBinary) return this.refuse(connection, 'a binary frame');
    let message: ClientMessage;
    try {
      message = clientMessageSchema.parse(JSON.parse(rawText(data)));
    } catch {
      return this.refuse(connection, 'a message that is not valid JSON of a known type');
    }
    if (message.type === 'state') this.newState(message.state, connection);
    else this.toPresenters(encode(message));
  }

  private withinRate(connection: Connection): boolean {
    const now = performance.now();
    const { messagesPerSecond, burst } = this.limits;
    connection.allowance = Math.min(burst, connection.allowance + ((now - connection.toppedUpAt) / 1000) * messagesPerSecond);
    connection.toppedUpAt = now;
    if (connection.allowance < 1) return false;
    connection.allowance -= 1;
    return true;
  }

  private refuse(connection: Connection, reason: string): void {
    connection.refused = true;
    this.options.log(`relay: closed a connection (${connection.role}): ${reason}`);
    connection.socket.close(POLICY_VIOLATION_CLOSE, 'refused');
  }

  /** A new state goes to every other connection (the sender has it) and is kept for those still to come. */
  private newState(state: TalkState, from: Connection): void {
    this.state = state;
    this.seq += 1;
    const frame = encode({ type: 'state', state, seq: this.seq });
    for (const connection of this.connections) if (connection !== from) this.send(connection, frame);
    this.options.onState?.(state, this.seq);
  }

  private toPresenters(frame: Buffer): void {
    for (const connection of this.connections) if (connection.role === 'presenter') this.send(connection, frame);
  }

  /** Sends a frame, or drops a connection that cannot keep up, so it holds no one else back and no memory piles up. */
  private send(connection: Connection, frame: Buffer): void {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.options.log(`relay: dropped a connection (${connection.role}) that does not keep up`);
      socket.terminate();
      return;
    }
    socket.send(frame, { binary: false });
  }

  /** Counts go to control connections once per turn of the event loop, however many pages came or went. */
  private queuePeers(): void {
    if (this.peersQueued) return;
    this.peersQueued = true;
    setImmediate(() => {
      this.peersQueued = false;
      let presenters = 0;
      let audience = 0;
      for (const { role } of this.connections) {
        if (role === 'presenter') presenters += 1;
        else if (role === 'audience') audience += 1;
      }
      const frame = encode({ type: 'peers', presenters, audience });
      for (const connection of this.connections) if (connection.role !== 'audience') this.send(connection, frame);
    });
  }

  private checkHeartbeats(): void {
    for (const connection of this.connections) {
      if (!connection.answeredPing) {
        connection.socket.terminate();
        continue;
      }
      connection.answeredPing = false;
      connection.socket.ping();
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const { socket } of this.connections) socket.terminate();
    this.connections.clear();
    this.server.close();
  }
}

/** A message as the one text frame sent to every receiver (encoded once, not once per connection). */
function encode(message: ServerMessage): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}
