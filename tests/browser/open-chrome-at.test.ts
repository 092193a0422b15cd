/**
 * Chromium started at a URL and driven over its DevTools pipe (how an export opens its page): the
 * page has the asked size and pixel density, what it reported before it was attached reaches the
 * error of a print view that never gets ready, a function that throws in the page fails with its
 * message, and closing ends Chromium and removes its temporary folder; a Chromium that cannot start
 * fails at once, leaving nothing behind.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChrome } from '../../src/browser/find-chrome.ts';
import { openChromeAt, type ChromePage } from '../../src/browser/open-chrome-at.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { waitForPrintView } from '../../src/export/open-print-view.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { processesMentioning } from '../support/processes.ts';

/** A page that fails at once and never becomes a deck. */
const BROKEN_PAGE = `<!doctype html><title>broken</title>
<script>console.error('early console error'); throw new Error('early page error');</script>`;

let server: StaticServer;
let chrome: ChromePage;
let temporary: string;
const previousTmpdir = process.env.TMPDIR;

beforeAll(async () => {
  const dir = exportTempDir();
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), BROKEN_PAGE);
  temporary = join(dir, 'tmp');
  mkdirSync(temporary);
  server = await serveStatic(join(dir, 'site'));
  process.env.TMPDIR = temporary; // os.tmpdir(): where openChromeAt makes its folder
  chrome = await openChromeAt(server.url, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2, oneProcess: true, timeoutMs: 20_000 });
});

afterAll(async () => {
  process.env.TMPDIR = previousTmpdir;
  await chrome?.close();
  await server?.close();
});

describe('openChromeAt', () => {
  it('opens the page at the URL with the asked viewport and pixel density', async () => {
    // Until Chromium has begun loading the URL, the page is its first, empty document.
    expect(await chrome.page.waitFor("location.href !== 'about:blank' && document.readyState === 'complete'", 10_000)).toBe(true);
    expect(await chrome.page.evaluate(() => window.location.href)).toBe(server.url);
    expect(await chrome.page.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio])).toEqual([800, 600, 2]);
  });

  it('passes an argument to a function in the page, and fails with the message of one that throws', async () => {
    expect(await chrome.page.evaluate((n: number) => Promise.resolve(n * 2), 21)).toBe(42);
    await expect(
      chrome.page.evaluate(() => {
        throw new Error('thrown in the page');
      }),
    ).rejects.toThrow(/in the page: Error: thrown in the page/);
  });

  it('keeps what the page reported before it was attached, for the print view’s timeout error', async () => {
    const waiting = waitForPrintView(chrome.page, { fragments: false, timeoutMs: 1_000 });
    await expect(waiting).rejects.toThrow(/not ready after 1 s, still waiting for the deck readiness signal/);
    await expect(waiting).rejects.toThrow(/the page reported: .*early page error/);
    await expect(waiting).rejects.toThrow(/early console error/);
  });

  it('fails with the reason, and leaves no folder, when the executable cannot be started', async () => {
    const notExecutable = join(temporary, '..', 'not-chromium');
    writeFileSync(notExecutable, 'not a program');
    const before = readdirSync(temporary).length;
    await expect(openChromeAt(server.url, { executablePath: notExecutable, viewport: { width: 800, height: 600 }, timeoutMs: 5_000 })).rejects.toThrow(/EACCES/);
    expect(readdirSync(temporary)).toHaveLength(before);
  });

  it('ends Chromium and removes its temporary folder on close', async () => {
    expect(readdirSync(temporary)).toHaveLength(1);
    expect(processesMentioning(temporary).length).toBeGreaterThan(0);
    await chrome.close();
    expect(readdirSync(temporary)).toEqual([]);
    expect(processesMentioning(temporary)).toEqual([]);
  });
});

describe('openChromeAt with the desktop browser (when the headless shell is not installed)', () => {
  const desktop = findChrome(process.env.CHROME_PATH, { fullBrowser: true });

  // Chromium's temporary files go into the export's folder unless its process-singleton socket's path
  // would then be too long for a Unix socket (here: TMPDIR ~45 characters long, its socket's path ~90 but
  // ~120 in the export's folder); then the browser is asked to close and removes them itself.
  it.runIf(desktop).each([
    ['a short', 'short'],
    ['a long', `long-${'x'.repeat(15)}`],
  ])('gives the page the asked size (not the window’s) and leaves no temporary file, with %s TMPDIR', async (_, name) => {
    const folder = join(temporary, '..', name);
    mkdirSync(folder);
    process.env.TMPDIR = folder;
    const opened = await openChromeAt(server.url, { executablePath: desktop!, viewport: { width: 800, height: 600 }, deviceScaleFactor: 2, oneProcess: true, timeoutMs: 20_000 });
    try {
      expect(await opened.page.waitFor("location.href !== 'about:blank' && document.readyState === 'complete'", 10_000)).toBe(true);
      expect(await opened.page.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio])).toEqual([800, 600, 2]);
    } finally {
      await opened.close();
      process.env.TMPDIR = temporary;
    }
    // Ended with SIGKILL and its files left where they were, it would leave org.chromium.Chromium.* here.
    expect(readdirSync(folder)).toEqual([]);
  });
});
