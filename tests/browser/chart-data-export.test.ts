/**
 * A chart's data file is bundled at build time: the built folder and the single-file HTML hold the
 * numbers, not the file or its name, so the deck draws them from `file://` with no request; the
 * export notices a changed data file outside the slides folder and builds again.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { listFiles } from '../../src/builder/hash-files.ts';
import { startFreshBuild } from '../../src/builder/fresh-build.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, READY_SELECTOR } from '../../src/page-contract.ts';
import { writeDataDeck } from '../support/data-deck.ts';
import { paintedPixels } from '../support/deck-page.ts';

const SLIDE = `## Capex

\`\`\`chart
type: bar
title: Capex
unit: Mrd.
data: ../assets/data/capex.csv
x: Geschäftsjahr
series:
  - name: Cash
    column: Cash
source: Test
\`\`\`
`;

let root: string;
let browser: Browser;

beforeAll(async () => {
  ({ root } = writeDataDeck('deck-data-export-', SLIDE, 'Geschäftsjahr;Cash\nGJ 2020;15,4\nGJ 2021;20,6\n'));
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Opens the single file from file://; the texts of the chart's data table once the chart is drawn, and its painted pixels. */
async function openSingleFile(path: string): Promise<{ cells: string[]; pixels: number; foreign: string[] }> {
  const url = pathToFileURL(path).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(url) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
  });
  await page.goto(url);
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 10_000 });
  await page.waitForSelector(`section#capex ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { state: 'attached', timeout: 5000 });
  const cells = await page.$$eval('section#capex table.deck-chart-data td', (tds) => tds.map((td) => td.textContent ?? ''));
  const [pixels] = await paintedPixels(page, 'section#capex');
  await page.close();
  return { cells, pixels: pixels ?? 0, foreign };
}

it('bundles the numbers, draws them from file:// with no request, and rebuilds when the data file changes', async () => {
  const out = join(root, 'dist');
  const html = join(root, 'deck.html');
  const slidesDir = join(root, 'slides');
  const first = startFreshBuild(slidesDir, out);
  expect(first.reused).toBe(false);
  await first.done;
  const built = listFiles(out);
  expect(built.filter((file) => /\.(csv|json)$/.test(file) && !file.endsWith('.deck-build.json'))).toEqual([]);
  await exportDeck({ slidesDir, out, html });
  for (const file of [...built, html].filter((f) => /\.(html|js)$/.test(f))) expect(readFileSync(file, 'utf8'), file).not.toContain('capex.csv');
  const drawn = await openSingleFile(html);
  expect(drawn.cells).toEqual(['15,4\u00a0Mrd.', '20,6\u00a0Mrd.']);
  expect(drawn.pixels).toBeGreaterThan(5000);
  expect(drawn.foreign).toEqual([]);

  // Unchanged: the export's build is reused. A new row in the data file (outside the slides folder): built again.
  expect(startFreshBuild(slidesDir, out).reused).toBe(true);
  writeFileSync(join(root, 'assets/data/capex.csv'), 'Geschäftsjahr;Cash\nGJ 2020;15,4\nGJ 2021;20,6\nGJ 2022;23,9\n');
  const again = startFreshBuild(slidesDir, out);
  expect(again.reused).toBe(false);
  await again.done;
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('23,9');
  await exportDeck({ slidesDir, out, html });
  expect((await openSingleFile(html)).cells).toEqual(['15,4\u00a0Mrd.', '20,6\u00a0Mrd.', '23,9\u00a0Mrd.']);
  expect(readdirSync(root).sort()).toEqual(['assets', 'deck.html', 'dist', 'slides']);
});
