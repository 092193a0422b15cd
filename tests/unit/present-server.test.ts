/**
 * `deck present`'s server over HTTP: only `/p/<control token>/` and `/a/<audience token>/` serve files;
 * tokens of 128 bits, new each run, in no file the audience is served; no note's text in any of those
 * files (each crawled through the server); the page's configuration injected; `resume` brings back the
 * tokens and the talk's state.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { escapeHtml } from '../../src/compiler/html/escape-html.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { PRESENT_META_NAME } from '../../src/page-contract.ts';
import { startPresentServer, type PresentServer } from '../../src/present/present-server.ts';
import { presentCacheDir } from '../../src/present/present-session.ts';
import type { PresentPageConfig, ServerMessage, TalkState } from '../../src/present/protocol.ts';
import { SHIPPED_DECK } from '../support/build-fixture.ts';

const PRESENTING_DECK = join(import.meta.dirname, '../fixtures/presenting-deck');

const tokensOf = (server: PresentServer) => ({
  control: new URL(server.urls.presenter).pathname.split('/')[2]!,
  audience: new URL(server.urls.audience).pathname.split('/')[2]!,
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => relative(dir, join(dir, path)).split('\\').join('/'));
}

/** Every file of a build folder as the server serves it under `base` (dot files are not served). */
async function servedFiles(base: string, dir: string): Promise<Map<string, string>> {
  const served = new Map<string, string>();
  for (const path of ['', ...filesUnder(dir)]) {
    const response = await fetch(base + path);
    if (path.split('/').some((part) => part.startsWith('.'))) {
      expect(response.status, path).toBe(404);
      continue;
    }
    expect(response.status, path).toBe(200);
    served.set(path, await response.text());
  }
  return served;
}

/** The forms a note's sentence takes in a file: as written, HTML-escaped, inside a JSON string. */
function notePieces(slidesDir: string): string[][] {
  return compileFolder(slidesDir)
    .slides.map((slide) =>
      slide.notesText
        .split(/[\n.!?;:()]/)
        .map((piece) => piece.trim())
        .filter((piece) => piece.length >= 16),
    )
    .filter((pieces) => pieces.length > 0)
    .map((pieces) => pieces.flatMap((piece) => [piece, escapeHtml(piece), JSON.stringify(piece).slice(1, -1)]));
}

function metaConfig(html: string): PresentPageConfig {
  const match = new RegExp(`<meta name="${PRESENT_META_NAME}" content="([^"]*)">`).exec(html);
  expect(match).not.toBeNull();
  const content = match![1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  return JSON.parse(content) as PresentPageConfig;
}

describe('deck present serving the shipped deck', () => {
  const logged: string[] = [];
  const cacheRoot = mkdtempSync(join(tmpdir(), 'deck-present-'));
  let server: PresentServer;

  beforeAll(async () => {
    server = await startPresentServer({ slidesDir: SHIPPED_DECK, port: 0, cacheRoot, log: (line) => logged.push(line) });
  });
  afterAll(() => server?.close());

  it('hands out tokens of 128 bits in the URLs', () => {
    const { control, audience } = tokensOf(server);
    expect(Buffer.from(control, 'base64url')).toHaveLength(16);
    expect(Buffer.from(audience, 'base64url')).toHaveLength(16);
    expect(control).not.toBe(audience);
    expect(server.urls.remote).toBe(`${server.urls.presenter}?remote`);
  });

  it('serves files only under /p/<control token>/ and /a/<audience token>/', async () => {
    const origin = new URL(server.urls.presenter).origin;
    const { control, audience } = tokensOf(server);
    const status = async (path: string, method = 'GET') => (await fetch(origin + path, { method, redirect: 'manual' })).status;
    expect(await status(`/p/${control}/`)).toBe(200);
    expect(await status(`/a/${audience}/`)).toBe(200);
    expect(await status(`/a/${audience}/index.html`)).toBe(200);
    const asset = filesUnder(join(presentCacheDir(SHIPPED_DECK, cacheRoot), 'audience')).find((path) => path.startsWith('assets/'))!;
    expect(await status(`/a/${audience}/${asset}`)).toBe(200);
    for (const path of ['/', '/index.html', `/${asset}`, '/p/', '/a/', `/p/${audience}/`, `/a/${control}/`, `/p/${control.slice(1)}/`, `/x/${control}/`, `/a/${audience}/%2e%2e/%2e%2e/package.json`, `/a/${audience}/.deck-build.json`, `/a/${audience}/index`]) {
      expect(await status(path), path).toBe(404);
    }
    expect(await status(`/p/${control}`)).toBe(301);
    expect(await status(`/a/${audience}/`, 'POST')).toBe(405);
  });

  it('injects the page configuration: the presenter’s with the remote and audience URLs, the audience’s with neither', async () => {
    const presenter = metaConfig(await (await fetch(server.urls.presenter)).text());
    expect(presenter).toEqual({ role: 'presenter', relay: '_relay', remoteUrl: server.urls.remote, audienceUrl: server.urls.audience });
    expect(metaConfig(await (await fetch(server.urls.audience)).text())).toEqual({ role: 'audience', relay: '_relay' });
  });

  it('serves the QR codes as SVG to the presenter only', async () => {
    const response = await fetch(`${server.urls.presenter}_present/remote-qr.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg[^>]*viewBox/);
    expect((await fetch(`${server.urls.presenter}_present/audience-qr.svg`)).status).toBe(200);
    expect((await fetch(`${server.urls.audience}_present/remote-qr.svg`)).status).toBe(404);
  });

  it('serves the audience no file with a note’s text or a token; the presenter’s files have the notes', async () => {
    const cacheDir = presentCacheDir(SHIPPED_DECK, cacheRoot);
    const notes = notePieces(SHIPPED_DECK);
    expect(notes.length).toBeGreaterThan(5);
    const presenterFiles = [...(await servedFiles(server.urls.presenter, join(cacheDir, 'presenter'))).values()].join('\n');
    for (const pieces of notes) expect(pieces.some((piece) => presenterFiles.includes(piece)), pieces[0]).toBe(true);

    const audienceFiles = await servedFiles(server.urls.audience, join(cacheDir, 'audience'));
    expect(audienceFiles.size).toBeGreaterThan(5);
    const { control, audience } = tokensOf(server);
    for (const [path, text] of audienceFiles) {
      for (const piece of notes.flat()) expect(text.includes(piece), `${path}: ${piece}`).toBe(false);
      expect(text.includes(control), path).toBe(false);
      expect(text.includes(audience), path).toBe(false);
    }
  });

  it('writes no token to its log', async () => {
    await fetch(`${server.urls.presenter}nothing-here`);
    const { control, audience } = tokensOf(server);
    for (const line of logged) expect(line.includes(control) || line.includes(audience), line).toBe(false);
  });
});

describe('deck present --resume', () => {
  const cacheRoot = mkdtempSync(join(tmpdir(), 'deck-present-'));
  const state: TalkState = { h: 2, v: 0, f: 1, overview: false, blackout: true, timer: { startedAt: null, elapsedMs: 61_000 } };

  /** The first message a new audience connection receives, or null when none comes before the presenter's. */
  async function stateAtConnect(server: PresentServer): Promise<ServerMessage | null> {
    const socket = new WebSocket(`${server.urls.audience.replace(/^http/, 'ws')}_relay`);
    const first = new Promise<ServerMessage | null>((resolve) => {
      socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerMessage));
      // The relay sends its state with the handshake; a control connection opened after it then hears of one more audience.
      socket.once('open', () => {
        const control = new WebSocket(`${server.urls.presenter.replace(/^http/, 'ws')}_relay?as=speaker`);
        control.on('error', () => {});
        control.on('message', (data) => {
          if ((JSON.parse(String(data)) as ServerMessage).type === 'peers') resolve(null);
        });
        socket.once('close', () => control.terminate());
      });
    });
    const message = await first;
    socket.close();
    return message;
  }

  it('brings back the last run’s tokens and state; without it a run has new tokens and no state', async () => {
    const first = await startPresentServer({ slidesDir: PRESENTING_DECK, port: 0, cacheRoot });
    const presenter = new WebSocket(`${first.urls.presenter.replace(/^http/, 'ws')}_relay?as=presenter`);
    await new Promise((resolve) => presenter.once('open', resolve));
    presenter.send(JSON.stringify({ type: 'state', state }));
    // The audience receiving it means the relay has taken (and saved) it.
    expect(await stateAtConnect(first)).toEqual({ type: 'state', state, seq: 1 });
    presenter.close();
    await first.close();

    const resumed = await startPresentServer({ slidesDir: PRESENTING_DECK, port: 0, cacheRoot, resume: true });
    try {
      expect(resumed.resumed).toBe(true);
      expect(tokensOf(resumed)).toEqual(tokensOf(first));
      expect(await stateAtConnect(resumed)).toEqual({ type: 'state', state, seq: 1 });
    } finally {
      await resumed.close();
    }

    const anew = await startPresentServer({ slidesDir: PRESENTING_DECK, port: 0, cacheRoot });
    try {
      expect(anew.resumed).toBe(false);
      expect(tokensOf(anew).control).not.toBe(tokensOf(first).control);
      expect(tokensOf(anew).audience).not.toBe(tokensOf(first).audience);
      expect(await stateAtConnect(anew)).toBeNull();
    } finally {
      await anew.close();
    }
  });
});
