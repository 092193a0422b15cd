/**
 * The relay of `deck present` against bad input, with `ws` clients in Node: a wrong or missing token,
 * an audience that sends, oversized and garbage frames, unknown types, a flood, a dead connection, the
 * connection cap. Each is refused or closed, and after each a new audience connection still follows
 * the presenter. The relay's log never holds a token.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { servePresent, type PresentServer, type ServeOptions } from '../../src/present/present-server.ts';
import type { ServerMessage, TalkState } from '../../src/present/protocol.ts';
import { newTokens } from '../../src/present/tokens.ts';

/** The relay does not depend on what is served: a page with a head stands in for both builds. */
function serveRelay(options: ServeOptions): Promise<PresentServer> {
  const dir = mkdtempSync(join(tmpdir(), 'deck-present-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  return servePresent({ presenterDir: dir, audienceDir: dir, warnings: [] }, { tokens: newTokens(), state: null, seq: 0 }, { port: 0, ...options });
}

interface Client {
  socket: WebSocket;
  messages: ServerMessage[];
  /** The close code, once closed. */
  closed: Promise<number>;
  /** Resolves with the first message received from now on that matches. */
  next(match: (message: ServerMessage) => boolean): Promise<ServerMessage>;
  /** Resolves with the first message received so far or from now on that matches. */
  seen(match: (message: ServerMessage) => boolean): Promise<ServerMessage>;
}

function connect(url: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const messages: ServerMessage[] = [];
    const waiting = new Set<{ match: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void }>();
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      messages.push(message);
      for (const waiter of waiting) if (waiter.match(message)) (waiting.delete(waiter), waiter.resolve(message));
    });
    socket.on('error', () => {});
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    const next = (match: (message: ServerMessage) => boolean) => new Promise<ServerMessage>((done) => waiting.add({ match, resolve: done }));
    const seen = (match: (message: ServerMessage) => boolean) => {
      const earlier = messages.find(match);
      return earlier ? Promise.resolve(earlier) : next(match);
    };
    socket.once('open', () => resolve({ socket, messages, closed, next, seen }));
  });
}

/** The HTTP status an upgrade at `url` is refused with. */
function refusal(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('error', () => {});
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('open', () => reject(new Error(`${url} was accepted`)));
  });
}

const talkState = (h: number, f = -1): TalkState => ({ h, v: 0, f, overview: false, blackout: false, timer: { startedAt: null, elapsedMs: 0 } });
const isStateAt = (h: number) => (message: ServerMessage) => message.type === 'state' && message.state.h === h;

describe('the relay of deck present', () => {
  const logged: string[] = [];
  let server: PresentServer;
  let relayUrl: { control: string; audience: string };
  let presenter: Client;
  let slide = 0;

  beforeAll(async () => {
    server = await serveRelay({ log: (line) => logged.push(line), limits: { heartbeatMs: 1500 } });
    const ws = (url: string) => url.replace(/^http/, 'ws').replace(/\?.*$/, '');
    relayUrl = { control: `${ws(server.urls.presenter)}_relay`, audience: `${ws(server.urls.audience)}_relay` };
    presenter = await connect(`${relayUrl.control}?as=presenter`);
  });
  afterAll(() => server?.close());

  /** The presenter moves on; a newly connected audience page and `others` receive the new state. */
  async function audienceStillFollows(...others: Client[]): Promise<void> {
    const viewer = await connect(relayUrl.audience);
    slide += 1;
    const received = [viewer, ...others].map((client) => client.next(isStateAt(slide)));
    presenter.socket.send(JSON.stringify({ type: 'state', state: talkState(slide) }));
    await Promise.all(received);
    viewer.socket.close();
  }

  it('forwards the presenter’s state to the audience, and sends the last one to a late joiner', async () => {
    const early = await connect(relayUrl.audience);
    await audienceStillFollows(early);
    const late = await connect(relayUrl.audience);
    await late.seen(isStateAt(slide));
    expect(late.messages[0]).toMatchObject({ type: 'state', state: { h: slide } });
    early.socket.close();
    late.socket.close();
  });

  it('forwards a remote’s command and goto to the presenter page only', async () => {
    const remote = await connect(`${relayUrl.control}?as=remote`);
    const viewer = await connect(relayUrl.audience);
    const command = presenter.next((message) => message.type === 'command');
    remote.socket.send(JSON.stringify({ type: 'command', command: 'next' }));
    expect(await command).toEqual({ type: 'command', command: 'next' });
    const goto = presenter.next((message) => message.type === 'goto');
    remote.socket.send(JSON.stringify({ type: 'goto', h: 2, v: 0, f: 1 }));
    expect(await goto).toEqual({ type: 'goto', h: 2, v: 0, f: 1 });
    await audienceStillFollows(viewer);
    expect(viewer.messages.filter((message) => message.type === 'command' || message.type === 'goto')).toEqual([]);
    remote.socket.close();
    viewer.socket.close();
  });

  it('refuses a missing or wrong token with 401', async () => {
    const origin = new URL(relayUrl.control).origin;
    const control = new URL(relayUrl.control).pathname.split('/')[2]!;
    const audience = new URL(relayUrl.audience).pathname.split('/')[2]!;
    const wrong = `${control.slice(0, -1)}${control.endsWith('A') ? 'B' : 'A'}`;
    for (const path of ['/p//_relay', '/a//_relay', `/p/${wrong}/_relay`, `/a/${wrong}/_relay`, `/p/${audience}/_relay`, '/p/x/_relay']) {
      expect(await refusal(origin + path), path).toBe(401);
    }
    expect(await refusal(`${origin}/_relay`)).toBe(404);
    await audienceStillFollows();
  });

  it('closes an audience connection that sends anything, without forwarding it', async () => {
    const sender = await connect(relayUrl.audience);
    const commands = presenter.messages.filter((message) => message.type === 'command').length;
    sender.socket.send(JSON.stringify({ type: 'command', command: 'next' }));
    expect(await sender.closed).toBe(1008);
    const stateSender = await connect(relayUrl.audience);
    stateSender.socket.send(JSON.stringify({ type: 'state', state: talkState(99) }));
    expect(await stateSender.closed).toBe(1008);
    await audienceStillFollows();
    expect(presenter.messages.filter((message) => message.type === 'command')).toHaveLength(commands);
    expect(presenter.messages.some((message) => message.type === 'state' && message.state.h === 99)).toBe(false);
  });

  it('closes a connection that sends an oversized frame', async () => {
    const remote = await connect(`${relayUrl.control}?as=remote`);
    remote.socket.send(JSON.stringify({ type: 'command', command: 'next', padding: 'x'.repeat(5000) }));
    expect(await remote.closed).toBe(1009);
    await audienceStillFollows();
  });

  it('closes connections that send garbage: not JSON, binary, broken WebSocket framing', async () => {
    const notJson = await connect(`${relayUrl.control}?as=remote`);
    notJson.socket.send('{"type": "command", "command": ');
    expect(await notJson.closed).toBe(1008);
    const binary = await connect(`${relayUrl.control}?as=remote`);
    binary.socket.send(Buffer.from(JSON.stringify({ type: 'command', command: 'next' })), { binary: true });
    expect(await binary.closed).toBe(1008);
    const broken = await connect(`${relayUrl.control}?as=presenter`);
    // Bytes that are no valid frame (reserved opcode, no mask), written below the WebSocket library.
    (broken.socket as unknown as { _socket: Socket })._socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect(await broken.closed).toBe(1002);
    await audienceStillFollows();
  });

  it('closes connections that send an unknown type or a message off the schema', async () => {
    const messages = [
      { type: 'hello' },
      { type: 'command', command: 'self-destruct' },
      { type: 'state', state: { ...talkState(1), h: -3 } },
      { type: 'state', state: { ...talkState(1), extra: true } },
      { type: 'goto', h: 1, v: 0 },
      ['state'],
      null,
    ];
    for (const message of messages) {
      const remote = await connect(`${relayUrl.control}?as=speaker`);
      remote.socket.send(JSON.stringify(message));
      expect(await remote.closed, JSON.stringify(message)).toBe(1008);
    }
    await audienceStillFollows();
  });

  it('closes a connection that floods, and the others keep following', async () => {
    const viewer = await connect(relayUrl.audience);
    const flooder = await connect(`${relayUrl.control}?as=remote`);
    const gotos = presenter.messages.filter((message) => message.type === 'goto').length;
    for (let i = 0; i < 500; i += 1) flooder.socket.send(JSON.stringify({ type: 'goto', h: 1, v: 0, f: -1 }));
    expect(await flooder.closed).toBe(1008);
    await audienceStillFollows(viewer);
    // The burst allowance (30) and what trickled in while the relay read the flood went through, not the flood.
    expect(presenter.messages.filter((message) => message.type === 'goto').length - gotos).toBeLessThan(100);
    viewer.socket.close();
  });

  it('drops a connection that stops answering pings', async () => {
    const watcher = await connect(`${relayUrl.control}?as=speaker`);
    const dead = await connect(relayUrl.audience);
    await watcher.seen((message) => message.type === 'peers' && message.audience === 1);
    // The client stops reading: it neither answers pings nor takes frames.
    (dead.socket as unknown as { _socket: Socket })._socket.pause();
    await watcher.next((message) => message.type === 'peers' && message.audience === 0);
    (dead.socket as unknown as { _socket: Socket })._socket.destroy();
    watcher.socket.close();
    await audienceStillFollows();
  });

  it('never writes a token to its log', () => {
    expect(logged.length).toBeGreaterThan(5);
    const [control, audience] = [server.urls.presenter, server.urls.audience].map((url) => new URL(url).pathname.split('/')[2]!);
    for (const line of logged) {
      expect(line).not.toContain(control);
      expect(line).not.toContain(audience);
    }
  });
});

describe('the relay with a viewer that does not read', () => {
  it('drops that viewer once too much waits for it, and the others still get the latest state', async () => {
    const logged: string[] = [];
    // No rate limit here: the presenter sends enough states to fill the kernel's buffers towards the stalled viewer.
    const server = await serveRelay({ log: (line) => logged.push(line), limits: { messagesPerSecond: 1e9, burst: 1e9, maxBufferedBytes: 64 * 1024 } });
    try {
      const ws = (url: string) => `${url.replace(/^http/, 'ws')}_relay`;
      const presenter = await connect(`${ws(server.urls.presenter)}?as=presenter`);
      const stalled = await connect(ws(server.urls.audience));
      const reading = await connect(ws(server.urls.audience));
      (stalled.socket as unknown as { _socket: Socket })._socket.pause();
      // In rounds the reading viewer has received before the next is sent: what the relay writes to it always fits in
      // the kernel's socket buffers, so only the stalled viewer's waiting data grows (sent all at once, the reading
      // viewer, in this same process, could fall behind too on a busy machine and be dropped as well).
      const states = 100_000;
      const round = 500;
      for (let start = 0; start < states; start += round) {
        const received = reading.next(isStateAt(start + round - 1));
        for (let h = start; h < start + round; h += 1) presenter.socket.send(JSON.stringify({ type: 'state', state: talkState(h) }));
        await received;
      }
      expect(logged.some((line) => line.includes('does not keep up'))).toBe(true);
      const late = await connect(ws(server.urls.audience));
      await late.seen(isStateAt(states - 1));
      for (const client of [presenter, stalled, reading, late]) client.socket.terminate();
    } finally {
      await server.close();
    }
  });
});

describe('the relay’s connection cap', () => {
  it('refuses connections over --max-connections with 503, and takes new ones once others leave', async () => {
    const server = await serveRelay({ maxConnections: 3 });
    try {
      const audience = `${server.urls.audience.replace(/^http/, 'ws')}_relay`;
      const watcher = await connect(`${server.urls.presenter.replace(/^http/, 'ws')}_relay?as=speaker`);
      const viewers = await Promise.all([1, 2].map(() => connect(audience)));
      expect(await refusal(audience)).toBe(503);
      const left = watcher.next((message) => message.type === 'peers' && message.audience === 1);
      viewers[0]!.socket.close();
      await left;
      const again = await connect(audience);
      for (const client of [again, watcher, ...viewers]) client.socket.close();
    } finally {
      await server.close();
    }
  });
});
