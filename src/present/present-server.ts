/**
 * `deck present`'s server, startable in-process (the CLI, tests, the bench): builds the deck twice
 * (present-builds.ts), then serves both builds and the relay on one port. Every new state is saved
 * with the tokens (present-session.ts), so `resume` picks the talk up after a restart.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { presentBuilds, type PresentBuilds } from './present-builds.ts';
import { PRESENT_DEFAULTS } from './present-defaults.ts';
import { createPresentHandler } from './present-handler.ts';
import { pageConfigs, presentIndexHtml } from './present-page.ts';
import { openSession, presentCacheDir, saveSession, type PresentSession } from './present-session.ts';
import { listeningAddresses, presentUrls, type PresentUrls } from './present-urls.ts';
import { AUDIENCE_QR_PATH, REMOTE_QR_PATH, type TalkState } from './protocol.ts';
import { qrSvg } from './qr-codes.ts';
import { Relay, type RelayLimits } from './relay.ts';

export interface PresentServerOptions {
  slidesDir: string;
  /** @defaultValue PRESENT_DEFAULTS.host */
  host?: string;
  /** 0: any free port. @defaultValue PRESENT_DEFAULTS.port */
  port?: number;
  /** Most relay connections at once. @defaultValue PRESENT_DEFAULTS.maxConnections */
  maxConnections?: number;
  /** Reuse the last run's tokens and talk state of this slides folder. @defaultValue false */
  resume?: boolean;
  /** Lines about what happens (never a token). @defaultValue nothing */
  log?: (line: string) => void;
  /** Where builds and session live (tests keep theirs apart). @defaultValue node_modules/.cache/markdown-deck/present */
  cacheRoot?: string;
  limits?: Partial<RelayLimits>;
}

export interface PresentServer {
  urls: PresentUrls;
  address: { host: string; port: number };
  /** The addresses listened on, for the terminal. */
  listening: string[];
  /** Whether the last run's tokens and state were reused. */
  resumed: boolean;
  /** The build's warnings, one `file:line: message` line each. */
  warnings: string[];
  close(): Promise<void>;
}

export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  const log = options.log ?? (() => {});
  const cacheDir = presentCacheDir(options.slidesDir, options.cacheRoot);
  const { session, resumed, problem } = openSession(cacheDir, options.slidesDir, options.resume ?? false);
  if (problem) log(`resume: ${problem}; starting with new tokens`);
  const builds = await presentBuilds(options.slidesDir, cacheDir);
  saveSession(cacheDir, session);
  const served = await servePresent(builds, session, { ...options, log, onState: (state, seq) => saveSession(cacheDir, { ...session, state, seq }) });
  return { ...served, resumed };
}

export interface ServeOptions extends Omit<PresentServerOptions, 'slidesDir' | 'resume' | 'cacheRoot'> {
  /** Called with each new state (to save it). */
  onState?: (state: TalkState, seq: number) => void;
}

/** Serves two builds and the relay for a session's tokens and state (startPresentServer without the build and the saved session). */
export async function servePresent(
  builds: Pick<PresentBuilds, 'presenterDir' | 'audienceDir' | 'warnings'>,
  session: Pick<PresentSession, 'tokens' | 'state' | 'seq'>,
  options: ServeOptions,
): Promise<PresentServer> {
  const host = options.host ?? PRESENT_DEFAULTS.host;
  const log = options.log ?? (() => {});
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? PRESENT_DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urls = presentUrls(host, port, session.tokens);
  const configs = pageConfigs(urls);
  const relay = new Relay({
    maxConnections: options.maxConnections ?? PRESENT_DEFAULTS.maxConnections,
    state: session.state,
    seq: session.seq,
    onState: options.onState,
    log,
    limits: options.limits,
  });
  // Attached at once, so a request during the QR codes' drawing waits for them instead of going unanswered.
  const ready = (async () => {
    const svg = async (url: string) => ({ type: 'image/svg+xml', body: await qrSvg(url) });
    const presenter = {
      dir: builds.presenterDir,
      indexHtml: presentIndexHtml(builds.presenterDir, configs.presenter),
      extra: { [REMOTE_QR_PATH]: await svg(urls.remote), [AUDIENCE_QR_PATH]: await svg(urls.audience) },
    };
    const audience = { dir: builds.audienceDir, indexHtml: presentIndexHtml(builds.audienceDir, configs.audience) };
    return createPresentHandler(session.tokens, { presenter, audience }, relay);
  })();
  server.on('request', (request, response) => void ready.then((handler) => handler.request(request, response)));
  server.on('upgrade', (request, socket, head) => void ready.then((handler) => handler.upgrade(request, socket, head)));
  try {
    await ready;
  } catch (error) {
    relay.close();
    server.close();
    throw error;
  }

  return {
    urls,
    address: { host, port },
    listening: listeningAddresses(host).map((address) => `${address.includes(':') ? `[${address}]` : address}:${port}`),
    resumed: false,
    warnings: builds.warnings,
    close: () =>
      new Promise<void>((resolve) => {
        relay.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
