/** Every chart type draws real pixels; a chart that fails at run time shows an error and the deck goes on. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { openDeck, paintedPixels } from '../support/deck-page.ts';

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
  await page.waitForSelector(`section#${id} figure[data-drawn=""]`, { timeout: 2000 });
  const [pixels] = await paintedPixels(page, `section#${id}`);
  expect(pixels).toBeGreaterThan(5000);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('shows the error of a chart that cannot be drawn, and the deck goes on', async () => {
  const { page } = await openDeck(browser, server.url);
  await page.evaluate(() => window.Reveal.slide(3));
  await page.waitForSelector('section#kaputt-zur-laufzeit figure[data-drawn="error"]', { timeout: 2000 });
  expect(await page.textContent('section#kaputt-zur-laufzeit .deck-chart-error')).toContain('Diagramm konnte nicht gezeichnet werden');
  await page.evaluate(() => window.Reveal.slide(0));
  await page.waitForSelector('section#gestapelt figure[data-drawn=""]', { timeout: 2000 });
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-deck-ready'))).toBe(true);
  await page.close();
});
