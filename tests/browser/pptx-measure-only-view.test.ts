/**
 * The print view the PowerPoint exporter opens alone (`?print-pdf&measure-only`): PowerPoint draws the
 * charts natively from their data, so the page draws none and never loads Chart.js. What the file is
 * made of must not change for it: every slide measures the same (boxes, text, chart boxes) as in the
 * print view with its charts drawn, including charts in columns and the shipped deck's.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { waitForPrintView } from '../../src/export/open-print-view.ts';
import { readSlidePages } from '../../src/export/pptx/pptx-export.ts';
import type { MeasuredSlide } from '../../src/export/pptx/slide-layout.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, printViewUrl } from '../../src/page-contract.ts';
import { buildFixture, SHIPPED_DECK } from '../support/build-fixture.ts';
const PPTX_DECK = join(import.meta.dirname, '../fixtures/pptx-deck');
const LAYOUTS_DECK = join(import.meta.dirname, '../fixtures/layouts-deck');

interface Reading {
  slides: MeasuredSlide[];
  /** Script files the page asked for. */
  scripts: string[];
  /** Per chart figure: whether it was drawn, and its canvas' pixel size. */
  charts: { drawn: boolean; canvas: [number, number] }[];
}

let browser: Browser;

async function read(outDir: string, measureOnly: boolean): Promise<Reading> {
  const server = await serveStatic(outDir);
  const page = await BrowserPage.open(browser, 'about:blank', { viewport: { width: 1280, height: 720 } });
  const scripts: string[] = [];
  page.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  try {
    await page.page.goto(printViewUrl(server.url, { fragments: false, measureOnly }));
    const view = await waitForPrintView(page, { fragments: false, timeoutMs: 20_000, measureOnly });
    const slides: MeasuredSlide[] = [];
    for await (const batch of readSlidePages(page, view, null).batches) slides.push(...batch.measured);
    const charts = await page.evaluate(
      ({ chart, drawn }) =>
        Array.from(document.querySelectorAll(chart)).map((figure) => {
          const canvas = figure.querySelector('canvas')!;
          return { drawn: figure.hasAttribute(drawn), canvas: [canvas.width, canvas.height] as [number, number] };
        }),
      { chart: CHART_SELECTOR, drawn: DRAWN_ATTRIBUTE },
    );
    return { slides, scripts, charts };
  } finally {
    await page.close();
    await server.close();
  }
}

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['the PowerPoint probe deck', PPTX_DECK],
  ['the layouts deck (a chart in a column)', LAYOUTS_DECK],
  ['the shipped deck', SHIPPED_DECK],
])('the measure-only print view of %s', (_name, slidesDir) => {
  let drawn: Reading;
  let measured: Reading;

  beforeAll(async () => {
    const outDir = await buildFixture(slidesDir);
    drawn = await read(outDir, false);
    measured = await read(outDir, true);
  });

  it('draws no chart and loads no Chart.js, where the usual print view draws them all', () => {
    expect(drawn.charts.length).toBeGreaterThan(0);
    expect(drawn.charts.every((chart) => chart.drawn)).toBe(true);
    expect(drawn.scripts.some((path) => /chart-registry/.test(path))).toBe(true);
    expect(measured.charts.length).toBe(drawn.charts.length);
    // An undrawn canvas keeps HTML's default size.
    expect(measured.charts).toEqual(measured.charts.map(() => ({ drawn: false, canvas: [300, 150] })));
    expect(measured.scripts.filter((path) => /chart-registry|draw-chart/.test(path))).toEqual([]);
  });

  it('measures every slide as the view with its charts drawn does', () => {
    expect(measured.slides.length).toBeGreaterThan(0);
    expect(measured.slides.some((slide) => slide.blocks.some((block) => block.kind === 'chart'))).toBe(true);
    expect(measured.slides).toEqual(drawn.slides);
  });
});
