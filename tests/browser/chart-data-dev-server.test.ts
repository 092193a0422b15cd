/**
 * Charts that read a data file outside the slides folder (`../assets/data/`), on the real dev server:
 * saving the file redraws the chart with the new values in place, on the same slide and fragment;
 * a bad cell shows the error overlay naming the Markdown line and the data file's row and column.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE } from '../../src/page-contract.ts';
import { writeDataDeck } from '../support/data-deck.ts';
import { startDevServer } from '../support/dev-server.ts';

const SLIDES = `## Start

Erste Folie.

---

## Capex

- Punkt eins <!-- .element: class="fragment" -->

\`\`\`chart
type: bar
title: Capex
data: ../assets/data/capex.csv
x: Geschäftsjahr
series:
  - name: Cash
    column: Cash
source: Test
\`\`\`
`;

const csv = (values: string[]) => `Geschäftsjahr;Cash\n${values.map((v, i) => `"GJ ${2020 + i}";${v}`).join('\n')}\n`;

let root: string;
let csvPath: string;
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  ({ root, csvPath } = writeDataDeck('deck-data-', SLIDES, csv(['15,4', '20,6'])));
  ({ server, url } = await startDevServer(join(root, 'slides')));
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * The values the chart on the Capex slide draws, read from its Chart.js instance through the page's own
 * chart module (as a string: vitest would rewrite a dynamic import written in this file).
 */
const DRAWN_VALUES = `(async () => {
  const registry = performance.getEntriesByType('resource').map((e) => e.name).find((name) => name.includes('/chart-registry'));
  const canvas = document.querySelector('section#capex ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}] canvas');
  if (!registry || !canvas) return null;
  const { Chart } = await import(registry);
  return Chart.getChart(canvas)?.data.datasets[0]?.data ?? null;
})()`;

const drawnValues = (page: Page) => page.evaluate(DRAWN_VALUES) as Promise<unknown[] | null>;

it('redraws the chart when its data file is saved, on the same slide and fragment', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 20_000 });
  await page.goto(`${url}#/capex`);
  await connected;
  await page.waitForSelector(`section#capex ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 20_000 });
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.keyboard.press('ArrowRight');
  const before = await page.evaluate(() => window.Reveal.getIndices());
  expect(before).toMatchObject({ h: 1, f: 0 });
  expect(await drawnValues(page)).toEqual([15.4, 20.6]);

  writeFileSync(csvPath, csv(['15,4', '20,6', '23,9']));
  await expect.poll(() => drawnValues(page), { timeout: 5000 }).toEqual([15.4, 20.6, 23.9]);
  expect(await page.$$eval('section#capex table.deck-chart-data tbody tr', (rows) => rows.length)).toBe(3);
  expect(await page.evaluate(() => window.Reveal.getIndices())).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // A cell that is no number: the overlay names the chart's line and the data file's row and column.
  writeFileSync(csvPath, csv(['15,4', 'n/a']));
  const overlay = page.locator('vite-error-overlay');
  await overlay.waitFor({ state: 'attached', timeout: 5000 });
  const message = await overlay.locator('.message-body').textContent();
  expect(message).toMatch(/slides\/01\.md:18: error: cell "n\/a" in \.\.\/assets\/data\/capex\.csv row 3, column "Cash" is not a number/);

  writeFileSync(csvPath, csv(['15,4', '20,6', '28,1']));
  await overlay.waitFor({ state: 'detached', timeout: 5000 });
  await expect.poll(() => drawnValues(page), { timeout: 5000 }).toEqual([15.4, 20.6, 28.1]);
  expect(await page.evaluate(() => window.Reveal.getIndices())).toEqual(before);
  await page.close();
});
