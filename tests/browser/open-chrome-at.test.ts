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
