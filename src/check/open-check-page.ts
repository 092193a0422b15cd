/**
 * Opens a served deck for checking: a page at the deck's own size, nothing
 * loaded from other hosts, transitions off (so every state is measured where
 * it ends, not halfway), axe-core added, waiting on the deck's readiness signal.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { BrowserPage } from '../browser/browser-page.ts';
import type { DeckSettings } from '../types.ts';

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

const NO_TRANSITIONS = '*, *::before, *::after { transition: none !important; animation: none !important; }';

export async function openCheckPage(browser: Browser, url: string, settings: DeckSettings, timeoutMs = 20_000): Promise<BrowserPage> {
  const page = await BrowserPage.open(browser, url, { viewport: { width: settings.width, height: settings.height }, blockOtherHosts: true });
  try {
    await page.waitForDeck(timeoutMs);
    await page.addStyle(NO_TRANSITIONS);
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScript(axeSource);
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}
