/**
 * Time from navigation to `<html data-deck-ready>` in headless Chromium,
 * measured inside the page (`performance.now()` counts from the navigation),
 * each load in a fresh browser context so no cache helps. Beside it, the CPU
 * time the page's main thread spent up to then (Chromium's `ThreadTime`
 * metric): on a shared machine the wall time grows with the load, the main
 * thread's CPU time hardly does, so it tells before/after comparisons apart
 * where the wall time cannot.
 */
import type { Browser } from 'playwright-core';
import { EVERY_SLIDE_ATTRIBUTE, READY_ATTRIBUTE } from '../src/page-contract.ts';
import { stats, type Stats } from './stats.ts';

export interface ReadyFigures {
  /** Milliseconds. */
  ready: Stats;
  /**
   * CPU milliseconds of the page's main thread from the navigation until the readiness signal was
   * seen (it may include a few milliseconds of idle-time work just after it).
   */
  mainThreadCpu: Stats;
  /** Paths the first load requested before the deck was ready (what the first slide needed). */
  requestedBeforeReady: string[];
  /**
   * Milliseconds to `<html data-deck-every-slide>`: a built large deck is ready with its first slides and
   * appends the later ones after (src/runtime/later-slides.ts); other decks have every slide at ready.
   */
  everySlide?: Stats;
}

// Runs in the page before any of its scripts: notes the moment the attribute appears.
// (It runs before <html> exists, so it observes the document's whole tree.)
const RECORD_READY = `(() => {
  const mark = () => {
    const html = document.documentElement;
    if (window.__deckReadyAt === undefined && html?.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})) window.__deckReadyAt = performance.now();
    if (window.__deckEverySlideAt === undefined && html?.hasAttribute(${JSON.stringify(EVERY_SLIDE_ATTRIBUTE)})) window.__deckEverySlideAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: [${JSON.stringify(READY_ATTRIBUTE)}, ${JSON.stringify(EVERY_SLIDE_ATTRIBUTE)}] });
})();`;

interface Load {
  readyMs: number;
  mainThreadCpuMs: number;
  everySlideMs: number;
}

async function loadOnce(browser: Browser, url: string, requests?: string[]): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0;
    const before = await threadTime();
    await page.addInitScript(RECORD_READY);
    let ready = false;
    const origin = new URL(url).origin;
    if (requests) page.on('request', (request) => !ready && request.url().startsWith(origin) && requests.push(new URL(request.url()).pathname));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as { __deckReadyAt?: number }).__deckReadyAt, undefined, { timeout: 60_000 });
    // A fresh context's page starts in a renderer of its own: its thread time is (almost) all this load's.
    const after = await threadTime();
    ready = true;
    const everySlide = await page.waitForFunction(() => (window as { __deckEverySlideAt?: number }).__deckEverySlideAt, undefined, { timeout: 60_000 });
    if (errors.length) throw new Error(`the deck threw while loading: ${errors.join('; ')}`);
    return { readyMs: (await handle.jsonValue()) as number, mainThreadCpuMs: Math.max(0, after - before) * 1000, everySlideMs: (await everySlide.jsonValue()) as number };
  } finally {
    await context.close();
  }
}

export async function measureReady(browser: Browser, url: string, loads: number): Promise<ReadyFigures> {
  const requestedBeforeReady: string[] = [];
  await loadOnce(browser, url); // warm the server and the browser process, not the page's cache
  const measured: Load[] = [];
  for (let load = 0; load < loads; load++) measured.push(await loadOnce(browser, url, load === 0 ? requestedBeforeReady : undefined));
  return {
    ready: stats(measured.map((load) => load.readyMs)),
    mainThreadCpu: stats(measured.map((load) => load.mainThreadCpuMs)),
    everySlide: stats(measured.map((load) => load.everySlideMs)),
    requestedBeforeReady: [...new Set(requestedBeforeReady)],
  };
}
