/** Browser-test helpers: open a served deck, watch its requests and console, read canvases. */
import type { Browser, Page } from 'playwright-core';

export interface DeckPage {
  page: Page;
  /** Requests to anything but the deck's own origin (or data:/blob: URLs). */
  foreignRequests: string[];
  consoleErrors: string[];
}

export async function openDeck(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<DeckPage> {
  const page = await browser.newPage({ viewport });
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !/^(data|blob):/.test(target)) foreignRequests.push(target);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('html[data-deck-ready]', { state: 'attached', timeout: 15_000 });
  return { page, foreignRequests, consoleErrors };
}

/** Number of painted (non-transparent) pixels on each canvas inside `selector`. */
export function paintedPixels(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(`${selector} canvas`, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    }),
  );
}
