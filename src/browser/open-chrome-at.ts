/**
 * Starts Chromium with its one page already loading a URL, then connects
 * Playwright to it over the DevTools protocol. For a job of one page (an
 * export): Chromium starts, and begins loading the page, while this process
 * is still loading Playwright (~0.45 s of CPU), instead of after it. The
 * page's console messages and errors from before Playwright connected are
 * still there (`page.consoleMessages()`, `page.pageErrors()`).
 *
 * Chromium listens on an ephemeral 127.0.0.1 port for the time of the job.
 * Its profile and Playwright's artifacts live in one temporary folder, removed
 * when it is closed or this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { isHeadlessShell } from './find-chrome.ts';
import { CHROME_ARGS, loadPlaywright, ONE_PROCESS_ARGS, requireChrome } from './launch-chrome.ts';

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

export interface OpenChromeOptions {
  /** Chromium executable. @defaultValue `CHROME_PATH`, then the usual paths */
  executablePath?: string;
  /** The page's size in CSS pixels. */
  viewport: { width: number; height: number };
  /** Device pixels per CSS pixel. @defaultValue 1 */
  deviceScaleFactor?: number;
  /** Runs Chromium as one process (`ONE_PROCESS_ARGS`). @defaultValue false */
  oneProcess?: boolean;
  /** Longest wait for Chromium to listen and for Playwright to connect. */
  timeoutMs: number;
}

export interface ChromePage {
  /** The page that was opened at the URL, loading or loaded. */
  page: Page;
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
    '--remote-debugging-port=0',
    url,
  ];
}

/** Resolves with the DevTools WebSocket address Chromium prints on start. */
function devToolsEndpoint(chrome: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: string) => {
      output += chunk;
      const listening = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (!listening) return;
      done();
      resolve(listening[1]!);
    };
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
  });
}

export async function openChromeAt(url: string, options: OpenChromeOptions): Promise<ChromePage> {
  const path = requireChrome(options.executablePath);
  const folder = mkdtempSync(join(tmpdir(), 'markdown-deck-chrome-'));
  const artifactsDir = join(folder, 'artifacts');
  mkdirSync(artifactsDir);
  const chrome = spawn(path, chromeArgs(path, url, join(folder, 'profile'), options), { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = devToolsEndpoint(chrome, options.timeoutMs);
  endpoint.catch(() => undefined);
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

  let browser: Browser | null = null;
  const close = async () => {
    process.off('exit', endNow);
    // Nothing of Chromium's state is kept: it is ended, not asked to shut down and save its profile.
    chrome.kill('SIGKILL');
    await Promise.all([browser?.close().catch(() => undefined), exited]);
    removeFolder();
  };
  try {
    // Synchronous, ~0.45 s: Chromium starts meanwhile.
    const { chromium } = loadPlaywright();
    browser = await chromium.connectOverCDP(await endpoint, { timeout: options.timeoutMs, isLocal: true, artifactsDir });
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no browser context');
    const page = context.pages()[0] ?? (await context.waitForEvent('page', { timeout: options.timeoutMs }));
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
