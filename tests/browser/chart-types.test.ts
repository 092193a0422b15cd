/** Every chart type draws real pixels; a chart that fails at run time shows an error and the deck goes on. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ChartSpec } from '../../src/types.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { openDeck, paintedPixels } from '../support/deck-page.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, READY_ATTRIBUTE } from '../../src/page-contract.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const built = await buildFixture(join(import.meta.dirname, '../fixtures/chart-types'));
  // Corrupt the last chart's spec in the built page, as a broken deployment would.
  const index = join(built, 'index.html');
  const html = readFileSync(index, 'utf8');
  const last = html.lastIndexOf('<script type="application/json" class="deck-chart-spec">');
  writeFileSync(index, `${html.slice(0, last)}<script type="application/json" class="deck-chart-spec">{"type":"bar","labels":` + html.slice(html.indexOf('</script>', last)));
  server = await serveStatic(built);
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it.each([
  ['gestapelt', 0],
  ['linie', 1],
  ['kreis', 2],
])('draws the %s chart', async (id, index) => {
  const { page, consoleErrors } = await openDeck(browser, server.url);
  await page.evaluate((h) => window.Reveal.slide(h), index);
  await page.waitForSelector(`section#${id} ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}=""]`, { timeout: 2000 });
  const [pixels] = await paintedPixels(page, `section#${id}`);
  expect(pixels).toBeGreaterThan(5000);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

/** The colours (`#rrggbb`) that fill at least 2 % of the painted pixels of the canvas in `section`, white left out. */
function fillColours(page: Page, section: string): Promise<string[]> {
  return page.$eval(`${section} canvas`, (element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map<string, number>();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) continue;
      painted++;
      const hex = `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
      counts.set(hex, (counts.get(hex) ?? 0) + 1);
    }
    return [...counts].filter(([hex, n]) => hex !== '#ffffff' && n >= painted * 0.02).map(([hex]) => hex);
  });
}

/** The compiled colours of each slice of the chart in `section`, from its spec. */
async function specColours(page: Page, section: string): Promise<string[][]> {
  const spec = JSON.parse((await page.textContent(`${section} script.deck-chart-spec`))!) as ChartSpec;
  return spec.series.map((series) => series.colors ?? []);
}

it.each([
  ['torte', 3, 4],
  ['ring', 4, 3],
])('draws each slice of the %s chart in its own colour, alike in every ring', async (id, index, labels) => {
  const { page, consoleErrors } = await openDeck(browser, server.url);
  await page.evaluate((h) => window.Reveal.slide(h), index);
  await page.waitForSelector(`section#${id} ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}=""]`, { timeout: 2000 });
  const drawn = await fillColours(page, `section#${id}`);
  expect(drawn.length, drawn.join(' ')).toBeGreaterThanOrEqual(labels);
  const [first, ...rings] = await specColours(page, `section#${id}`);
  expect(new Set(first).size).toBe(labels);
  for (const ring of rings) expect(ring).toEqual(first);
  for (const colour of first!) expect(drawn).toContain(colour.toLowerCase());
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('writes the value on a light slice in dark text, on a dark slice in white', async () => {
  const { page } = await openDeck(browser, server.url);
  await page.evaluate(() => window.Reveal.slide(5));
  await page.waitForSelector(`section#hell ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}=""]`, { timeout: 2000 });
  // Text pixels with the slice's own colour close by on both sides: text drawn on that slice.
  const textOn = (fill: number[], text: number[]) =>
    page.$eval(
      'section#hell canvas',
      (element, [fill, text]) => {
        const canvas = element as HTMLCanvasElement;
        const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const near = (x: number, y: number, rgb: number[], tolerance: number) => {
          const i = (y * width + x) * 4;
          return data[i + 3] === 255 && rgb.every((c, k) => Math.abs(data[i + k]! - c) <= tolerance);
        };
        const flanked = (x: number, y: number, side: -1 | 1) =>
          Array.from({ length: 8 }, (_, d) => x + side * (d + 1)).some((nx) => nx >= 0 && nx < width && near(nx, y, fill!, 2));
        let count = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) if (near(x, y, text!, 60) && flanked(x, y, -1) && flanked(x, y, 1)) count++;
        }
        return count;
      },
      [fill, text],
    );
  const yellow = [0xf4, 0xd0, 0x3f];
  const blue = [0x1f, 0x5f, 0xae];
  const dark = [0x1b, 0x24, 0x30];
  const white = [0xff, 0xff, 0xff];
  expect(await textOn(yellow, dark)).toBeGreaterThan(20);
  expect(await textOn(yellow, white)).toBe(0);
  expect(await textOn(blue, white)).toBeGreaterThan(20);
  await page.close();
});

it('shows the error of a chart that cannot be drawn, and the deck goes on', async () => {
  const { page } = await openDeck(browser, server.url);
  await page.evaluate(() => window.Reveal.slide(6));
  await page.waitForSelector(`section#kaputt-zur-laufzeit ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}="error"]`, { timeout: 2000 });
  expect(await page.textContent('section#kaputt-zur-laufzeit .deck-chart-error')).toContain('Diagramm konnte nicht gezeichnet werden');
  await page.evaluate(() => window.Reveal.slide(0));
  await page.waitForSelector(`section#gestapelt ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}=""]`, { timeout: 2000 });
  expect(await page.evaluate((ready) => document.documentElement.hasAttribute(ready), READY_ATTRIBUTE)).toBe(true);
  await page.close();
});
