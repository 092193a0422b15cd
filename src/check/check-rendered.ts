/**
 * The rendered half of `deck check`: builds the deck into a temporary folder,
 * serves it on 127.0.0.1, opens it in one Chromium page at the deck's size and
 * checks every slide. Everything it starts is stopped and removed again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChrome } from '../browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../browser/serve-static.ts';
import { buildDeck } from '../builder/build-deck.ts';
import type { DeckSettings, Diagnostic } from '../types.ts';
import type { Progress } from '../export/progress.ts';
import type { CheckOptions } from './check-options.ts';
import { checkDocument, checkSlides } from './check-slides.ts';
import type { BrowserPage } from '../browser/browser-page.ts';
import { openCheckPage } from './open-check-page.ts';
import { settingsLocation } from './settings-location.ts';

export interface RenderedCheckContext {
  settings: DeckSettings;
  /** A browser to reuse (tests); otherwise one is launched and closed. */
  browser?: Browser;
  progress?: Progress;
}

export async function checkRendered(options: CheckOptions, context: RenderedCheckContext): Promise<Diagnostic[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'deck-check-'));
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  let checkPage: BrowserPage | null = null;
  try {
    context.progress?.step('building');
    const { outDir } = await buildDeck({ slidesDir: options.slidesDir, outDir: join(workDir, 'dist') });
    server = await serveStatic(outDir);
    browser = context.browser ?? (await launchChrome());
    checkPage = await openCheckPage(browser, server.url, context.settings);
    const settingsAt = settingsLocation(options.slidesDir);
    return [
      ...(await checkDocument(checkPage, options, settingsAt)),
      ...(await checkSlides(checkPage, options, settingsAt, context.progress)),
    ];
  } finally {
    await checkPage?.close().catch(() => undefined);
    if (browser && browser !== context.browser) await browser.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
}
