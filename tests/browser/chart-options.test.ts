/**
 * The chart types and options of issue 15 as the page draws them: values read back from each chart
 * instance (the page's CHART_VALUES_HOOK), pixels that prove they are painted, the light colours of a
 * dark slide, the parts a deck loads (a deck without waterfalls or lines never fetches their code),
 * and the PDF export of the fixture with its charts as vectors.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { CHART_SELECTOR, CHART_VALUES_HOOK, DRAWN_ATTRIBUTE, DRAWN_TEXT_PROPERTY, type DrawnChartText, type DrawnChartValues } from '../../src/page-contract.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { darkestSolidPixel, openDeck, paintedPixels } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPdf } from '../support/pdf-reader.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const CHART_OPTIONS = join(FIXTURES, 'chart-options');
/** The slides of the fixture, in order. */
const SLIDES = ['wasserfall', 'wasserfall-quer', 'kombi', 'prozent', 'flaeche', 'streuung', 'linien', 'linien-quer', 'dunkel'];
/** The theme's default waterfall colours (chart-style.ts) and the fixture's own. */
const UP = '#2e7d32';
const DOWN = '#c62828';
const SERIES = '#1f5fae';
const PLAN = '#c2185b';
const AT_LABEL = '#d9822b';
/** The chunks of the waterfall and reference-line code (named after their modules). */
const WATERFALL_CHUNK = /\/waterfall-[\w-]+\.js$/;
const LINES_CHUNK = /\/reference-lines-[\w-]+\.js$/;

let browser: Browser;
let server: StaticServer;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await serveStatic(await buildFixture(CHART_OPTIONS));
  browser = await launchChrome();
  ({ page, consoleErrors } = await openDeck(browser, server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Shows the slide `id`, waits for its chart to be drawn, and reads the chart instance back. */
async function drawn(id: string): Promise<DrawnChartValues> {
  await page.evaluate((index) => window.Reveal.slide(index), SLIDES.indexOf(id));
  await page.waitForSelector(`section#${id} ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}=""]`, { timeout: 5000 });
  const values = await page.evaluate(([hook, selector]) => window[hook as 'deckChartValues']!(document.querySelector(selector!)!), [CHART_VALUES_HOOK, `section#${id} ${CHART_SELECTOR}`]);
  expect(values).not.toBeNull();
  return values!;
}

/** Pixels of the chart in `id` per colour (`#rrggbb`, opaque pixels only) among `colours`. */
function colourCounts(id: string, colours: string[]): Promise<Record<string, number>> {
  return page.$eval(
    `section#${id} canvas`,
    (element, wanted) => {
      const canvas = element as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const counts: Record<string, number> = Object.fromEntries(wanted.map((c) => [c, 0]));
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] !== 255) continue;
        const hex = `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
        if (hex in counts) counts[hex]!++;
      }
      return counts;
    },
    colours,
  );
}

/** The box around the opaque pixels of `colour` in the chart of `id`, in canvas pixels. */
function colourBox(id: string, colour: string): Promise<{ width: number; height: number }> {
  return page.$eval(
    `section#${id} canvas`,
    (element, hex) => {
      const canvas = element as HTMLCanvasElement;
      const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] !== 255 || rgb.some((c, k) => data[i + k] !== c)) continue;
        const x = (i / 4) % width;
        const y = Math.floor(i / 4 / width);
        [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
      }
      return { width: right - left + 1, height: bottom - top + 1 };
    },
    colour,
  );
}

/**
 * The share of painted pixels along each gap between neighbouring bars of the vertical waterfall in `id`,
 * on the level of the left bar's end (where its connector runs and nothing else is drawn).
 */
async function connectorPixels(id: string): Promise<number[]> {
  const bars = (await drawn(id)).datasets[0]!.elements;
  return page.$eval(
    `section#${id} canvas`,
    (element, bars) => {
      const canvas = element as HTMLCanvasElement;
      // Chart.js works in layout pixels, before reveal.js scales the slide.
      const ratio = canvas.width / canvas.offsetWidth;
      const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      return bars.slice(0, -1).map((bar, i) => {
        const y = Math.round(bar.y * ratio);
        const from = Math.ceil((bar.x + bar.width / 2) * ratio) + 2;
        const to = Math.floor((bars[i + 1]!.x - bars[i + 1]!.width / 2) * ratio) - 2;
        let painted = 0;
        for (let x = from; x < to; x++) if ([-1, 0, 1].some((dy) => data[((y + dy) * width + x) * 4 + 3]! > 200)) painted++;
        return painted / Math.max(1, to - from);
      });
    },
    bars,
  );
}

describe('waterfall', () => {
  it('draws floating bars from the running total, the total from zero', async () => {
    const chart = await drawn('wasserfall');
    expect(chart.type).toBe('bar');
    expect(chart.datasets[0]!.data).toEqual([
      [0, 1],
      [1, 3],
      [3, 13],
      [0, 13],
    ]);
    expect(chart.datasets[0]!.backgroundColor).toEqual([SERIES, UP, UP, SERIES]);
    expect(chart.scales.y!.ticks[1]).toBe('2\u00a0Mrd. US-$');
  });

  it('paints increases green and the start and total in the series colour, with connectors between', async () => {
    await drawn('wasserfall');
    const counts = await colourCounts('wasserfall', [UP, DOWN, SERIES]);
    expect(counts[UP]).toBeGreaterThan(5000);
    expect(counts[SERIES]).toBeGreaterThan(5000);
    expect(counts[DOWN]).toBe(0);
    // The connectors: dashes between the bars, on the running total's level.
    const connectors = await connectorPixels('wasserfall');
    expect(connectors).toHaveLength(3);
    for (const share of connectors) expect(share).toBeGreaterThan(0.4);
  });

  it('lies horizontally too, a decrease in red from the running total down', async () => {
    const chart = await drawn('wasserfall-quer');
    expect(chart.datasets[0]!.data).toEqual([
      [0, 20],
      [20, 26],
      [26, 18],
      [18, 22],
      [0, 22],
    ]);
    expect(chart.scales.x!.axis).toBe('x');
    expect(chart.scales.y!.type).toBe('category');
    const counts = await colourCounts('wasserfall-quer', [UP, DOWN, SERIES]);
    for (const colour of [UP, DOWN, SERIES]) expect(counts[colour], colour).toBeGreaterThan(5000);
  });
});

describe('combo chart', () => {
  it('draws the line series as a line on a right axis with its own unit and no grid', async () => {
    const chart = await drawn('kombi');
    expect(chart.labels).toEqual(['GJ 2023', 'GJ 2024', 'GJ 2025']);
    expect(chart.datasets.map((d) => [d.label, d.type, d.yAxisID])).toEqual([
      ['Capex', 'bar', 'y'],
      ['Anteil', 'line', 'right'],
    ]);
    // From the CSV, decimal commas read as numbers.
    expect(chart.datasets[0]!.data).toEqual([28.1, 44.5, 64.6]);
    expect(chart.scales.right).toMatchObject({ position: 'right', gridDisplay: false });
    expect(chart.scales.right!.ticks.every((tick) => tick.endsWith('\u00a0%'))).toBe(true);
    expect(chart.scales.y!.ticks.every((tick) => tick.endsWith('Mrd. US-$'))).toBe(true);
    expect(chart.scales.y!.gridDisplay).toBe(true);
  });

  it('draws its plan line at 80 on the left axis, inside the chart', async () => {
    const chart = await drawn('kombi');
    expect(chart.lines).toEqual([{ kind: 'value', scaleId: 'y', from: 80, to: 80, label: 'Plan GJ 2025', color: PLAN }]);
    expect(chart.scales.y!.max).toBeGreaterThanOrEqual(80);
    expect((await colourCounts('kombi', [PLAN]))[PLAN]).toBeGreaterThan(500);
    const box = await colourBox('kombi', PLAN);
    expect(box.width).toBeGreaterThan(box.height * 10);
    // Its label is text `deck check` measures.
    const texts = await page.$eval('section#kombi canvas', (canvas, property) => (canvas as unknown as Record<string, DrawnChartText[]>)[property]!, DRAWN_TEXT_PROPERTY);
    expect(texts).toContainEqual({ kind: 'line-label', text: 'Plan GJ 2025', size: 22 });
  });
});

describe('100 %-stacked bars', () => {
  it('stacks each label to 100 % on a 0–100 % axis, labelled with shares', async () => {
    const chart = await drawn('prozent');
    const data = chart.datasets.map((d) => d.data as number[]);
    for (let i = 0; i < chart.labels.length; i++) expect(data.reduce((sum, values) => sum + values[i]!, 0)).toBeCloseTo(100, 9);
    expect(data[0]).toEqual([30, 45, 50]);
    expect(chart.scales.y).toMatchObject({ min: 0, max: 100 });
    expect(chart.scales.y!.ticks.at(-1)).toBe('100\u00a0%');
    const [painted] = await paintedPixels(page, 'section#prozent');
    expect(painted).toBeGreaterThan(50_000);
  });
});

describe('area and scatter', () => {
  it('draws stacked areas as filled lines', async () => {
    const chart = await drawn('flaeche');
    expect(chart.type).toBe('line');
    expect(chart.datasets.map((d) => d.type)).toEqual(['line', 'line']);
    // Stacked: the axis reaches the sum of the last quarter (6 + 5).
    expect(chart.scales.y!.max).toBeGreaterThanOrEqual(11);
    const [painted] = await paintedPixels(page, 'section#flaeche');
    expect(painted).toBeGreaterThan(50_000);
  });

  it('draws scatter points at their x values from the CSV, with a line at an x value', async () => {
    const chart = await drawn('streuung');
    expect(chart.type).toBe('scatter');
    expect(chart.datasets[0]!.data).toEqual([
      { x: 10, y: 2.5 },
      { x: 25, y: 4 },
      { x: 40, y: 7.5 },
      { x: 60, y: 9 },
    ]);
    expect(chart.scales.x!.type).toBe('linear');
    expect(chart.lines).toMatchObject([{ kind: 'category', scaleId: 'x', from: 40 }]);
    const box = await colourBox('streuung', PLAN);
    expect(box.height).toBeGreaterThan(box.width * 10);
  });
});

describe('reference lines and bands', () => {
  it('draws a line at a value across, a band, and a line at a label upright', async () => {
    const chart = await drawn('linien');
    expect(chart.lines.map((line) => [line.kind, line.scaleId])).toEqual([
      ['value', 'y'],
      ['band', 'y'],
      ['category', 'x'],
    ]);
    expect(chart.scales.y!.ticks).toContain('80\u00a0Tsd.');
    const plan = await colourBox('linien', PLAN);
    expect(plan.width).toBeGreaterThan(plan.height * 10);
    const at = await colourBox('linien', AT_LABEL);
    expect(at.height).toBeGreaterThan(at.width * 10);
  });

  it('draws a value line upright in a horizontal chart', async () => {
    const chart = await drawn('linien-quer');
    expect(chart.lines).toMatchObject([{ kind: 'value', scaleId: 'x', from: 80 }]);
    const box = await colourBox('linien-quer', PLAN);
    expect(box.height).toBeGreaterThan(box.width * 10);
  });
});

describe('on a dark slide', () => {
  it('draws text, axes, connectors and line labels in light colours', async () => {
    await drawn('dunkel');
    // Every solid pixel (light bars, labels, connectors, the plan line and its label) is light.
    const darkest = await darkestSolidPixel(page, 'section#dunkel');
    expect(darkest.solid).toBeGreaterThan(5000);
    expect(darkest.min).toBeGreaterThan(0.45);
    expect(consoleErrors).toEqual([]);
  });
});

describe('what a deck loads', () => {
  /** The scripts the page at `url` loaded once each of its first `slides` slides was shown. */
  async function loadedScripts(url: string, slides: number): Promise<string[]> {
    const opened = await openDeck(browser, url);
    for (let i = 0; i < slides; i++) {
      await opened.page.evaluate((index) => window.Reveal.slide(index), i);
      await opened.page.waitForSelector(`.present ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 5000 });
    }
    // The idle-time prefetch of the deck's chart parts has had its chance too.
    await opened.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    await opened.page.waitForLoadState('networkidle');
    const urls = await opened.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
    await opened.page.close();
    return urls;
  }

  it('a deck of bar, line and pie charts never fetches the waterfall or reference-line code', async () => {
    const plain = await serveStatic(await buildFixture(join(FIXTURES, 'chart-types')));
    try {
      const scripts = await loadedScripts(plain.url, 6);
      expect(scripts.some((script) => script.includes('/chart-registry-'))).toBe(true);
      expect(scripts.filter((script) => WATERFALL_CHUNK.test(script) || LINES_CHUNK.test(script))).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('a deck with them fetches it', async () => {
    const scripts = await loadedScripts(server.url, 1);
    expect(scripts.filter((script) => WATERFALL_CHUNK.test(script))).toHaveLength(1);
    expect(scripts.filter((script) => LINES_CHUNK.test(script))).toHaveLength(1);
  });
});

describe('PDF export', () => {
  it('prints one page per slide with every chart as vectors: its text is text, no page holds an image', async () => {
    const dir = exportTempDir();
    const result = await exportDeck({ slidesDir: CHART_OPTIONS, out: join(dir, 'dist'), pdf: true });
    const path = result.files.find((file) => file.kind === 'pdf')!.path;
    const pdf = await readPdf(path);
    expect(pdf.pages).toBe(SLIDES.length);
    // Text only the canvases draw: value labels, a right axis tick, reference line labels.
    expect(pdf.text[SLIDES.indexOf('wasserfall')]).toContain('+10 Mrd. US-$');
    expect(pdf.text[SLIDES.indexOf('kombi')]).toContain('Plan GJ 2025');
    expect(pdf.text[SLIDES.indexOf('kombi')]).toContain('20 %');
    expect(pdf.text[SLIDES.indexOf('linien')]).toContain('Zielkorridor');
    expect(pdf.text[SLIDES.indexOf('wasserfall-quer')]).toContain('-8 Mio. €');
    const listing = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
    expect(listing.trim().split('\n').slice(2)).toEqual([]);
  }, 60_000);
});
