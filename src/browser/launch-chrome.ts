/**
 * Finds Chromium once and starts it headless through playwright-core, the one browser library of
 * the app (exports, `deck check`, tests, bench), with the switches this network and machine need.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ChromeNotFoundError } from '../errors.ts';
import { findChrome } from './find-chrome.ts';

/**
 * Besides Playwright's own switches: no sandbox (root), no GPU, no requests to Google's hosts, and
 * no audio output at all: a muted page still opens the system's sound server otherwise (PulseAudio's
 * client writes a `pulse-*` folder into the temporary directory).
 */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-audio-output',
];

/**
 * For a job of one page at a time (an export): browser, renderer, GPU and network in one process.
 * Not for pages that open windows or run side by side: tests and `deck check` keep the usual processes.
 */
export const ONE_PROCESS_ARGS = ['--single-process', '--no-zygote'];

export interface LaunchOptions {
  /** Runs Chromium as one process (`ONE_PROCESS_ARGS`). @defaultValue false */
  oneProcess?: boolean;
  /** The desktop browser with its popup blocker on (Playwright turns it off), as a presenter has it. @defaultValue false */
  desktopWithPopupBlocker?: boolean;
}

const require = createRequire(import.meta.url);

/**
 * playwright-core, loaded when first needed: every CLI command imports this module's neighbours
 * whether it starts a browser or not. Required, not imported: as an ES import its CommonJS bundle
 * would also be scanned for its exports.
 */
export function loadPlaywright(): typeof import('playwright-core') {
  return require('playwright-core') as typeof import('playwright-core');
}

/** The Chromium to start (`executablePath`, else `CHROME_PATH`, else the usual paths), or ChromeNotFoundError. */
export function requireChrome(executablePath?: string): string {
  const path = findChrome(executablePath ?? process.env.CHROME_PATH);
  if (!path) throw new ChromeNotFoundError(executablePath ?? process.env.CHROME_PATH);
  return path;
}

function requireDesktopChrome(executablePath?: string): string {
  const path = findChrome(executablePath ?? process.env.CHROME_PATH, { fullBrowser: true });
  if (!path) throw new ChromeNotFoundError(executablePath ?? process.env.CHROME_PATH);
  return path;
}

/** Where the desktop browser puts its process-singleton socket, inside its temporary directory. */
const SINGLETON_SOCKET = 'org.chromium.Chromium.XXXXXX/SingletonSocket';
/** The longest Unix socket path, less its terminating zero (macOS: 104 bytes; Linux: 108). */
const MAX_SOCKET_PATH = 103;

/**
 * Starts Chromium. Its own temporary files (the desktop browser's shared memory and process-singleton
 * socket) go into a folder of their own, removed when the browser is closed or this process exits,
 * unless the socket's path would then be too long. Playwright removes its profile itself.
 */
export async function launchChrome(executablePath?: string, options: LaunchOptions = {}): Promise<Browser> {
  const path = options.desktopWithPopupBlocker ? requireDesktopChrome(executablePath) : requireChrome(executablePath);
  const { chromium } = loadPlaywright();
  const temporary = mkdtempSync(join(tmpdir(), 'markdown-deck-chrome-'));
  const ownTemporary = join(temporary, SINGLETON_SOCKET).length <= MAX_SOCKET_PATH;
  const removeTemporary = () => {
    process.off('exit', removeTemporary);
    rmSync(temporary, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  };
  try {
    const browser = await chromium.launch({
      executablePath: path,
      headless: true,
      args: options.oneProcess ? [...CHROME_ARGS, ...ONE_PROCESS_ARGS] : CHROME_ARGS,
      ...(ownTemporary && { env: { ...process.env, TMPDIR: temporary } }),
      ...(options.desktopWithPopupBlocker && { ignoreDefaultArgs: ['--disable-popup-blocking'] }),
    });
    // After Playwright's own exit handler, which ends Chromium first.
    process.once('exit', removeTemporary);
    browser.once('disconnected', removeTemporary);
    return browser;
  } catch (error) {
    removeTemporary();
    throw error;
  }
}
