/**
 * Time to draw a chart on its slide: the deck opened at the chart's slide (`#/<id>`) in headless
 * Chromium, each load in a fresh browser context (cold cache), measured inside the page from the
 * navigation: to the chart's first frame on the canvas (the runtime keeps the text of each frame on
 * it), and to `data-drawn` (its animation finished).
 */
import type { Browser } from 'playwright-core';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, DRAWN_TEXT_PROPERTY } from '../src/page-contract.ts';
import { stats, type Stats } from './stats.ts';

export interface ChartDrawFigures {
  /** Milliseconds from navigation to the first frame of the chart on the canvas. */
  firstFrame: Stats;
  /** Milliseconds from navigation to `data-drawn`. */
  drawn: Stats;
}

// Runs in the page before its scripts: notes the first frame (polled once a frame) and `data-drawn`.
const RECORD_DRAW = (slideId: string) => `(() => {
  const figure = () => document.querySelector(${JSON.stringify(`section#${slideId} ${CHART_SELECTOR}`)});
  const poll = () => {
    const canvas = figure()?.querySelector('canvas');
    if (canvas && canvas[${JSON.stringify(DRAWN_TEXT_PROPERTY)}]) window.__chartFirstFrameAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  new MutationObserver(() => {
    if (window.__chartDrawnAt === undefined && figure()?.getAttribute(${JSON.stringify(DRAWN_ATTRIBUTE)}) === '') window.__chartDrawnAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: [${JSON.stringify(DRAWN_ATTRIBUTE)}] });
})();`;

interface DrawTimes {
  firstFrame: number;
  drawn: number;
}

async function loadOnce(browser: Browser, url: string, slideId: string): Promise<DrawTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORD_DRAW(slideId));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}#/${slideId}`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const times = window as { __chartFirstFrameAt?: number; __chartDrawnAt?: number };
        return times.__chartDrawnAt !== undefined && times.__chartFirstFrameAt !== undefined && { firstFrame: times.__chartFirstFrameAt, drawn: times.__chartDrawnAt };
      },
      undefined,
      { timeout: 60_000 },
    );
    if (errors.length) throw new Error(`the deck threw while drawing: ${errors.join('; ')}`);
    return (await handle.jsonValue()) as DrawTimes;
  } finally {
    await context.close();
  }
}

export async function measureChartDraw(browser: Browser, url: string, slideId: string, loads: number): Promise<ChartDrawFigures> {
  await loadOnce(browser, url, slideId); // warm the server and the browser process, not the page's cache
  const times: DrawTimes[] = [];
  for (let load = 0; load < loads; load++) times.push(await loadOnce(browser, url, slideId));
  return { firstFrame: stats(times.map((t) => t.firstFrame)), drawn: stats(times.map((t) => t.drawn)) };
}
