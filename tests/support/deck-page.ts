/** Browser-test helpers: open a served deck through the app's browser seam, read canvases. */
import type { Browser, Page } from 'playwright-core';
import { BrowserPage } from '../../src/browser/browser-page.ts';

export interface DeckPage {
  /** The library's page, for keyboard, mouse and frames. */
  page: Page;
  deck: BrowserPage;
  /** Requests to anything but the deck's own origin (or data:/blob: URLs); kept up to date. */
  foreignRequests: string[];
  /** Uncaught errors and console errors; kept up to date. */
  consoleErrors: string[];
}

export async function openDeck(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<DeckPage> {
  const deck = await BrowserPage.open(browser, url, { viewport });
  await deck.waitForDeck(15_000);
  return { page: deck.page, deck, foreignRequests: deck.otherHostRequests, consoleErrors: deck.errors };
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

/** The solid (nearly opaque) pixels of the first canvas inside `selector`, and the lowest lightness among them (0 black … 1 white). */
export function darkestSolidPixel(page: Page, selector: string): Promise<{ solid: number; min: number }> {
  return page.$eval(`${selector} canvas`, (element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let solid = 0;
    let min = 1;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 220) continue;
      solid++;
      min = Math.min(min, (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!) / 255);
    }
    return { solid, min };
  });
}
