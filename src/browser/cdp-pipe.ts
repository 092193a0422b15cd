/**
 * The Chrome DevTools Protocol over the pipe Chromium opens with
 * `--remote-debugging-pipe`: it reads commands from its file descriptor 3 and
 * writes replies and events to 4, each message JSON ending in a NUL byte.
 * Commands to a page carry the `sessionId` of `Target.attachToTarget` with
 * `flatten: true`.
 *
 * Why not Playwright here: an export needs about ten commands, and loading
 * playwright-core (7 MB of JavaScript) and connecting it take ~0.6 s of CPU
 * and ~20,000 page faults, a fifth of the 3 s a 200-slide export may take
 * (README, "Figures"). Tests, `deck check` and the bench still drive Chromium
 * through Playwright.
 */
import type { Readable, Writable } from 'node:stream';

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

type Reply = { id: number; result?: unknown; error?: { message: string; data?: string } };

export class CdpError extends Error {
  constructor(method: string, message: string) {
    super(`${method}: ${message}`);
    this.name = 'CdpError';
  }
}

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  private buffered: Buffer[] = [];
  private closedBecause: Error | null = null;

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.on('data', (chunk: Buffer) => this.receive(chunk));
    output.on('close', () => this.dispose(new Error('Chromium closed the DevTools pipe')));
    // A write after Chromium ended fails here, the command with the 'close' above.
    input.on('error', () => undefined);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    if (this.closedBecause) return Promise.reject(new CdpError(method, this.closedBecause.message));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
    });
  }

  /** Calls `listener` with every event until the returned function is called. */
  on(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fails every command still waiting, and every later one, with `reason`. */
  dispose(reason: Error): void {
    this.closedBecause ??= reason;
    for (const { method, reject } of this.pending.values()) reject(new CdpError(method, reason.message));
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.buffered.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      start = end + 1;
      this.dispatch(JSON.parse(message) as Reply | CdpEvent);
    }
    if (start < chunk.length) this.buffered.push(chunk.subarray(start));
  }

  private dispatch(message: Reply | CdpEvent): void {
    if ('id' in message) {
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (message.error) call.reject(new CdpError(call.method, message.error.message + (message.error.data ? ` (${message.error.data})` : '')));
      else call.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }
}
