/**
 * The browser seam (BrowserPage over playwright-core), as an export opens its page: the asked size
 * and pixel density, arguments into and errors out of page functions, what the page reported before
 * it was waited on reaching the print view's timeout error; closing ends Chromium and leaves no
 * temporary file or folder (Chromium's own, Playwright's profile, or the sound server's `pulse-*`),
 * with a short or a long TMPDIR; a Chromium that cannot start fails at once, leaving nothing behind.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { findChrome, HEADLESS_SHELL_CANDIDATES } from '../../src/browser/find-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { waitForPrintView } from '../../src/export/open-print-view.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { processesMentioning } from '../support/processes.ts';

/** A page that fails at once and never becomes a deck. */
const BROKEN_PAGE = `<!doctype html><title>broken</title>
<script>console.error('early console error'); throw new Error('early page error');</script>`;

let server: StaticServer;
let page: BrowserPage;
let dir: string;
let temporary: string;
const previousTmpdir = process.env.TMPDIR;

const previousHome = process.env.HOME;

/**
 * Runs `work` with TMPDIR (os.tmpdir(), where Chromium's and Playwright's folders go) set to `folder`,
 * and with `home` as HOME if given: PulseAudio's client reuses a runtime folder that a link in
 * `~/.config/pulse` names while it exists, so only a fresh home shows where a new one would go.
 */
async function withTmpdir<T>(folder: string, work: () => Promise<T>, home?: string): Promise<T> {
  process.env.TMPDIR = folder;
  if (home) process.env.HOME = home;
  try {
    return await work();
  } finally {
    process.env.TMPDIR = previousTmpdir;
    process.env.HOME = previousHome;
  }
}

beforeAll(async () => {
  dir = exportTempDir();
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), BROKEN_PAGE);
  temporary = join(dir, 'tmp');
  mkdirSync(temporary);
  server = await serveStatic(join(dir, 'site'));
  page = await withTmpdir(temporary, () => BrowserPage.launch(server.url, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2, oneProcess: true }));
});

afterAll(async () => {
  await page?.close();
  await server?.close();
});

describe('BrowserPage', () => {
  it('opens the page at the URL with the asked viewport and pixel density', async () => {
    expect(await page.waitFor(() => document.readyState === 'complete', undefined, 10_000)).toBe(true);
    expect(await page.evaluate(() => window.location.href, undefined)).toBe(server.url);
    expect(await page.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio], undefined)).toEqual([800, 600, 2]);
  });

  it('passes an argument to a function in the page, and fails with the message of one that throws', async () => {
    expect(await page.evaluate((n: number) => Promise.resolve(n * 2), 21)).toBe(42);
    await expect(
      page.evaluate(() => {
        throw new Error('thrown in the page');
      }, undefined),
    ).rejects.toThrow(/thrown in the page/);
  });

  it('answers false when a condition is not met in time', async () => {
    expect(await page.waitFor((name: string) => document.documentElement.hasAttribute(name), 'data-never', 300)).toBe(false);
  });

  it('keeps what the page reported before it was waited on, for the print view’s timeout error', async () => {
    const waiting = waitForPrintView(page, { fragments: false, timeoutMs: 1_000 });
    await expect(waiting).rejects.toThrow(/not ready after 1 s, still waiting for the deck readiness signal/);
    await expect(waiting).rejects.toThrow(/the page reported: .*early console error/);
    await expect(waiting).rejects.toThrow(/early page error/);
  });

  it('fails with the reason, and leaves no folder, when the executable cannot be started', async () => {
    const notExecutable = join(dir, 'not-chromium');
    writeFileSync(notExecutable, 'not a program');
    const before = readdirSync(temporary);
    await expect(withTmpdir(temporary, () => BrowserPage.launch(server.url, { executablePath: notExecutable }))).rejects.toThrow(/EACCES|spawn/);
    expect(readdirSync(temporary)).toEqual(before);
  });

  it('ends Chromium and removes its temporary folders on close', async () => {
    expect(readdirSync(temporary).length).toBeGreaterThan(0);
    expect(processesMentioning(temporary).length).toBeGreaterThan(0);
    await page.close();
    expect(readdirSync(temporary)).toEqual([]);
    expect(processesMentioning(temporary)).toEqual([]);
  });
});

describe('Chromium for an export leaves no temporary file', () => {
  const browsers = [
    ['the desktop browser', findChrome(process.env.CHROME_PATH, { fullBrowser: true })],
    ['the headless shell', HEADLESS_SHELL_CANDIDATES.map((path) => findChrome(path)).find(Boolean) ?? null],
  ] as const;
  // Chromium's own files go into a folder of the app unless its process-singleton socket's path would
  // then be too long for a Unix socket (TMPDIR ~45 characters long: ~90 in TMPDIR, ~120 in the folder).
  // A desktop browser in one process starts the audio output, whose PulseAudio client made `pulse-*`.
  const cases = browsers.flatMap(([browser, path]) => (path ? [`a short`, `a long`].map((length) => [browser, length, path] as const) : []));
  it.each(cases)('with %s and %s TMPDIR', async (browser, length, path) => {
    const folder = join(dir, `${browser === 'the headless shell' ? 'shell' : 'desktop'}-${length === 'a long' ? `long-${'x'.repeat(15)}` : 'short'}`);
    const home = `${folder}-home`;
    mkdirSync(folder);
    mkdirSync(home);
    const opened = await withTmpdir(folder, () => BrowserPage.launch(server.url, { executablePath: path, viewport: { width: 800, height: 600 }, deviceScaleFactor: 2, oneProcess: true }), home);
    try {
      expect(await opened.waitFor(() => document.readyState === 'complete', undefined, 10_000)).toBe(true);
      expect(await opened.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio], undefined)).toEqual([800, 600, 2]);
    } finally {
      await opened.close();
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(home, '.config', 'pulse'))).toBe(false);
  });
});
