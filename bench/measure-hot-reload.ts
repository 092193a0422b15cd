/**
 * Hot reload: from saving a slide file to the edited text on the slide shown
 * in the page. Runs the real dev server on a copy of the deck, edits the
 * heading of the first slide (the one on screen), and takes the time in Node
 * when the page reports — from its `deck:updated` event — that the current
 * slide shows the new text.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { READY_SELECTOR } from '../src/page-contract.ts';
import { createViteConfig } from '../src/vite/create-vite-config.ts';
import { stats, type Stats } from './stats.ts';

export interface HotReloadFigures {
  /** Milliseconds from `writeFileSync` to the updated slide in the page. */
  update: Stats;
  /** Full page reloads seen during the edits (should be 0: edits are patched in place). */
  reloads: number;
}

const EDIT_PAUSE_MS = 150;

// Runs before the page's scripts (a string: tsx would wrap a named function in a helper
// the page lacks), so it survives a reload, which is counted; after a reload the new
// text arrives with `deck:ready` instead of `deck:updated`.
const REPORT_UPDATES = `(() => {
  const report = () => {
    const text = window.Reveal?.getCurrentSlide()?.textContent ?? '';
    const marker = /Bench-\\d+/.exec(text)?.[0];
    if (marker) window.__benchSlideUpdated(marker);
  };
  document.addEventListener('deck:updated', report);
  document.addEventListener('deck:ready', report);
})();`;

function firstSlideFile(dir: string): string {
  const files = readdirSync(dir).filter((name) => /\.md$/i.test(name)).sort((a, b) => a.localeCompare(b, 'en'));
  if (!files[0]) throw new Error(`no Markdown file in ${dir}`);
  return join(dir, files[0]);
}

export async function measureHotReload(browser: Browser, sourceDir: string, edits: number): Promise<HotReloadFigures> {
  const slidesDir = join(mkdtempSync(join(tmpdir(), 'deck-bench-hot-')), 'slides');
  cpSync(sourceDir, slidesDir, { recursive: true });
  // The shipped deck's charts read their data from ../assets/data/.
  const assets = join(sourceDir, '..', 'assets');
  if (existsSync(assets)) cpSync(assets, join(slidesDir, '..', 'assets'), { recursive: true });
  const file = firstSlideFile(slidesDir);
  const original = readFileSync(file, 'utf8');
  const heading = original.split('\n').findIndex((line) => /^#{1,6} /.test(line));
  if (heading < 0) throw new Error(`${file}: no heading to edit`);

  const server = await createServer({ ...createViteConfig({ slidesDir, port: 0 }), logLevel: 'silent' });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no port');

    let onUpdated: ((marker: string) => void) | null = null;
    await page.exposeBinding('__benchSlideUpdated', (_source, marker: string) => onUpdated?.(marker));
    let loads = 0;
    page.on('load', () => loads++);
    // Installed before the page's scripts, so it survives a reload (which is counted).
    await page.addInitScript(REPORT_UPDATES);
    // Edits made before Vite's client is connected would never reach the page.
    const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 30_000 });
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await Promise.all([connected, page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 30_000 })]);

    const values: number[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const marker = `Bench-${edit}`;
      const lines = original.split('\n');
      lines[heading] = `${lines[heading]} ${marker}`;
      const seen = new Promise<number>((resolvePromise, reject) => {
        const timer = globalThis.setTimeout(() => reject(new Error(`hot reload: ${marker} did not reach the page within 10 s`)), 10_000);
        onUpdated = (shown) => {
          if (shown !== marker) return;
          globalThis.clearTimeout(timer);
          resolvePromise(performance.now());
        };
      });
      const saved = performance.now();
      writeFileSync(file, lines.join('\n'));
      values.push((await seen) - saved);
      // Paced like a person saving: the dev server's watcher (chokidar) drops a second
      // change of the same file within 50 ms of the previous one.
      await setTimeout(EDIT_PAUSE_MS);
    }
    return { update: stats(values), reloads: loads - 1 };
  } finally {
    await page.close();
    await server.close();
    rmSync(join(slidesDir, '..'), { recursive: true, force: true });
  }
}
