/**
 * Time from navigation to `<html data-deck-ready>` in headless Chromium,
 * measured inside the page (`performance.now()` counts from the navigation),
 * each load in a fresh browser context so no cache helps.
 */
import type { Browser } from 'playwright-core';
import { READY_ATTRIBUTE } from '../src/page-contract.ts';
import { stats, type Stats } from './stats.ts';

export interface ReadyFigures {
  /** Milliseconds. */
  ready: Stats;
  /** Paths the first load requested before the deck was ready (what the first slide needed). */
  requestedBeforeReady: string[];
}

// Runs in the page before any of its scripts: notes the moment the attribute appears.
// (It runs before <html> exists, so it observes the document's whole tree.)
const RECORD_READY = `(() => {
  const mark = () => {
    if (window.__deckReadyAt === undefined && document.documentElement?.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})) window.__deckReadyAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: [${JSON.stringify(READY_ATTRIBUTE)}] });
})();`;

async function loadOnce(browser: Browser, url: string, requests?: string[]): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORD_READY);
    let ready = false;
    const origin = new URL(url).origin;
    if (requests) page.on('request', (request) => !ready && request.url().startsWith(origin) && requests.push(new URL(request.url()).pathname));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as { __deckReadyAt?: number }).__deckReadyAt, undefined, { timeout: 60_000 });
    ready = true;
    if (errors.length) throw new Error(`the deck threw while loading: ${errors.join('; ')}`);
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

export async function measureReady(browser: Browser, url: string, loads: number): Promise<ReadyFigures> {
  const requestedBeforeReady: string[] = [];
  await loadOnce(browser, url); // warm the server and the browser process, not the page's cache
  const values: number[] = [];
  for (let load = 0; load < loads; load++) values.push(await loadOnce(browser, url, load === 0 ? requestedBeforeReady : undefined));
  return { ready: stats(values), requestedBeforeReady: [...new Set(requestedBeforeReady)] };
}
