/**
 * Starts Chromium with its one page already loading a URL, and drives that
 * page over the DevTools protocol on a pipe (cdp-pipe.ts, cdp-page.ts): for a
 * job of one page, an export. Chromium starts at once; nothing in this process
 * holds up the page's requests to the export's server on the same event loop
 * (loading Playwright did, for ~0.5 s). What the page reported before it was
 * attached is still there (`page.reportedErrors()`).
 *
 * No port is opened. Chromium's profile lives in a temporary folder, removed
 * when it is closed or this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpPage } from './cdp-page.ts';
import { CdpPipe } from './cdp-pipe.ts';
import { isHeadlessShell } from './find-chrome.ts';
import { CHROME_ARGS, ONE_PROCESS_ARGS, requireChrome } from './launch-chrome.ts';

/**
 * What Playwright's own launch passes besides `CHROME_ARGS` and that matters for a page
 * printed or pictured headless: no throttling of a page nobody looks at, sRGB colours, no
 * scrollbars, no sound, no extensions or crash reporter, and screenshots taken from a new
 * surface (without it, 17 PNGs of the deck take ~0.7 s longer).
 */
const STARTED_PAGE_ARGS = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--force-color-profile=srgb',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-field-trial-config',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--password-store=basic',
  '--use-mock-keychain',
  '--enable-features=CDPScreenshotNewSurface',
];

/** How long the desktop browser gets to close itself before it is ended. */
const GRACEFUL_CLOSE_MS = 3000;

/** Where the desktop browser puts its process-singleton socket, in its temporary directory. */
const SINGLETON_SOCKET = 'org.chromium.Chromium.XXXXXX/SingletonSocket';
/** The longest Unix socket path, less its terminating zero (macOS: 104 bytes; Linux: 108). */
const MAX_SOCKET_PATH = 103;

export interface OpenChromeOptions {
  /** Chromium executable. @defaultValue `CHROME_PATH`, then the usual paths */
  executablePath?: string;
  /** The page's size in CSS pixels. */
  viewport: { width: number; height: number };
  /** Device pixels per CSS pixel. @defaultValue 1 */
  deviceScaleFactor?: number;
  /** Runs Chromium as one process (`ONE_PROCESS_ARGS`). @defaultValue false */
  oneProcess?: boolean;
  /** Longest wait for Chromium to start and open its page. */
  timeoutMs: number;
}

export interface ChromePage {
  /** The page that was opened at the URL, loading or loaded. */
  page: CdpPage;
  /** Disconnects, ends Chromium and removes its profile folder. */
  close(): Promise<void>;
}

function chromeArgs(executablePath: string, url: string, profile: string, options: OpenChromeOptions): string[] {
  return [
    ...CHROME_ARGS,
    ...(options.oneProcess ? ONE_PROCESS_ARGS : []),
    ...STARTED_PAGE_ARGS.filter((arg) => arg !== '--headless' || !isHeadlessShell(executablePath)),
    `--window-size=${options.viewport.width},${options.viewport.height}`,
    `--force-device-scale-factor=${options.deviceScaleFactor ?? 1}`,
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    url,
  ];
}

/** Rejects when Chromium cannot be started or ends before `attached` settles, naming why. */
function failedStart(chrome: ChildProcess, attached: Promise<unknown>, timeoutMs: number): Promise<never> {
  return new Promise((_, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not open its page within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: string) => (output = (output + chunk).slice(-4000));
    const onExit = (code: number | null, signal: string | null) =>
      fail(new Error(`Chromium ended on start (${signal ?? `exit code ${code}`}): ${output.trim().split('\n').slice(-3).join(' | ')}`));
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    function done() {
      clearTimeout(timer);
      chrome.stderr!.off('data', onData);
      chrome.off('exit', onExit);
      chrome.off('error', fail);
    }
    chrome.stderr!.setEncoding('utf8');
    chrome.stderr!.on('data', onData);
    chrome.once('exit', onExit);
    chrome.once('error', fail);
    // A failed attach (the pipe closed) still waits a moment for the exit, which names the reason.
    attached.then(done, () => setTimeout(done, 1000).unref());
  });
}

export async function openChromeAt(url: string, options: OpenChromeOptions): Promise<ChromePage> {
  const path = requireChrome(options.executablePath);
  const folder = mkdtempSync(join(tmpdir(), 'markdown-deck-chrome-'));
  // Chromium reads commands from its descriptor 3 and writes to 4 (--remote-debugging-pipe).
  // Chromium's temporary files go into the folder too, so that they go with it even when Chromium is ended
  // (the desktop browser's shared memory folder and process-singleton socket, `org.chromium.Chromium.*`),
  // unless the socket's path would then be too long for a Unix socket.
  const ownTemporary = join(folder, SINGLETON_SOCKET).length <= MAX_SOCKET_PATH;
  const chrome = spawn(path, chromeArgs(path, url, join(folder, 'profile'), options), {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    env: ownTemporary ? { ...process.env, TMPDIR: folder } : process.env,
  });
  const pipe = new CdpPipe(chrome.stdio[3] as Writable, chrome.stdio[4] as Readable);
  // Helpers of a Chromium with several processes may still write into the folder a moment after it ended.
  const removeFolder = () => rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  // Should this process exit without closing (an interrupted export exits at once), Chromium and its folder go with it.
  const endNow = () => {
    chrome.kill('SIGKILL');
    try {
      removeFolder();
    } catch {
      // Exiting anyway; a leftover folder in the temporary directory is harmless.
    }
  };
  process.once('exit', endNow);
  // 'error' without 'exit' when it could not be started at all (not executable).
  const exited = new Promise<void>((resolve) => {
    chrome.once('exit', () => resolve());
    chrome.once('error', () => resolve());
  });

  const close = async () => {
    process.off('exit', endNow);
    // Chromium is ended at once: nothing of its state is kept (a shutdown takes ~0.1 s more). Only a
    // desktop browser whose temporary files are not in the folder is asked to close, or it would leave
    // them in the system's temporary directory.
    if (!ownTemporary && !isHeadlessShell(path)) {
      const closing = pipe.send('Browser.close').catch(() => undefined);
      await Promise.race([Promise.all([closing, exited]), new Promise((resolve) => setTimeout(resolve, GRACEFUL_CLOSE_MS))]);
    }
    pipe.dispose(new Error('Chromium was closed'));
    chrome.kill('SIGKILL');
    await exited;
    removeFolder();
  };
  try {
    const attached = CdpPage.attach(pipe);
    // A Chromium that ends on start closes its pipe first: its exit, with its last words, says more.
    const attachedOrExit = attached.catch(async (error: unknown) => {
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000))]);
      throw error;
    });
    const page = await Promise.race([attachedOrExit, failedStart(chrome, attached, options.timeoutMs)]);
    // The desktop browser's window size includes its (hidden) toolbars: its page gets the size asked for here.
    if (!isHeadlessShell(path)) {
      const { width, height } = options.viewport;
      await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: options.deviceScaleFactor ?? 1, mobile: false });
    }
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
