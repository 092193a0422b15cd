/**
 * Build-up steps (`steps: series | points`) in the built deck: reveal.js's fragment navigation drives
 * them forwards, backwards and by jumps; the chart instance holds exactly the shown series or points,
 * only those are painted, its value axes stay those of the complete chart, the data table keeps all
 * data, and `data-drawn` comes back after every step.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeck, paintedPixels } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPdf } from '../support/pdf-reader.ts';
import { countColour, readPng } from '../support/png-image.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { CHART_SELECTOR, CHART_STEP_CLASS, CHART_VALUES_HOOK, DRAWN_ATTRIBUTE, READY_ATTRIBUTE } from '../../src/page-contract.ts';

const STEPS_DECK = join(import.meta.dirname, '../fixtures/chart-steps');

const served = serveBuiltDeck(STEPS_DECK);

const names = { hook: CHART_VALUES_HOOK, chart: CHART_SELECTOR, drawn: DRAWN_ATTRIBUTE } as const;

/** How many values each dataset of the chart in `section` holds, once its figure is drawn; null before. */
function drawnLengths(page: Page, section: string): Promise<number[] | null> {
  return page.evaluate(
    ({ section, names }) => {
      const figure = document.querySelector(`section#${section} ${names.chart}`);
      if (!figure?.hasAttribute(names.drawn)) return null;
      return window[names.hook]?.(figure)?.datasets.map((dataset) => dataset.data.length) ?? null;
    },
    { section, names },
  );
}

/** Which slices of the drawn pie in `section` are opaque (shown), once it is drawn; null before. */
function opaqueSlices(page: Page, section: string): Promise<boolean[] | null> {
  return page.evaluate(
    ({ section, names }) => {
      const figure = document.querySelector(`section#${section} ${names.chart}`);
      if (!figure?.hasAttribute(names.drawn)) return null;
      const colours = window[names.hook]?.(figure)?.datasets[0]?.backgroundColor;
      return Array.isArray(colours) ? colours.map((colour) => !/,\s*0\)$/.test(String(colour))) : null;
    },
    { section, names },
  );
}

/** Waits until the chart in `section` is drawn with these dataset lengths (fails with the last ones seen). */
async function expectLengths(page: Page, section: string, expected: number[]): Promise<void> {
  await expect.poll(() => drawnLengths(page, section), { timeout: 3000 }).toEqual(expected);
}

async function valueScales(page: Page, section: string) {
  return page.evaluate(({ section, names }) => {
    const values = window[names.hook]!(document.querySelector(`section#${section} ${names.chart}`)!)!;
    return Object.entries(values.scales).filter(([, scale]) => scale.type !== 'category').map(([id, scale]) => ({ id, min: scale.min, max: scale.max, ticks: scale.ticks }));
  }, { section, names });
}

/** The colours of the fixture's series and slices: A #1f5fae, B #0f7b5f, C #c0392b. */
const COLOURS = { a: [0x1f, 0x5f, 0xae], b: [0x0f, 0x7b, 0x5f], c: [0xc0, 0x39, 0x2b] };

/**
 * Pixels of each of the three colours on the canvas in `section`, left of `split` (0–1 of its width) or,
 * with `right`, from there on; `ax`: the mean x of colour A's pixels.
 */
function colourPixels(page: Page, section: string, region = { split: 1, right: false }): Promise<{ a: number; b: number; c: number; ax: number }> {
  return page.$eval(
    `section#${section} canvas`,
    (element, { colours, region }) => {
      const canvas = element as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const counts = { a: 0, b: 0, c: 0 };
      const split = Math.round(canvas.width * region.split);
      let sumX = 0;
      for (let i = 0; i < data.length; i += 4) {
        const x = (i / 4) % canvas.width;
        if (x < split === region.right) continue;
        for (const [key, rgb] of Object.entries(colours) as [keyof typeof counts, number[]][]) {
          if (data[i + 3] !== 255 || !rgb.every((c, k) => Math.abs(data[i + k]! - c) <= 2)) continue;
          counts[key]++;
          if (key === 'a') sumX += x;
        }
      }
      return { ...counts, ax: counts.a ? sumX / counts.a : 0 };
    },
    { colours: COLOURS, region },
  );
}

describe('steps: series', () => {
  it('adds one series per key press, takes it back going backwards, and keeps the chart drawn', async () => {
    const { page, consoleErrors } = await openDeck(served.browser, `${served.url}#/reihe-fuer-reihe`);
    await expectLengths(page, 'reihe-fuer-reihe', [3, 0, 0]);
    const scales = await valueScales(page, 'reihe-fuer-reihe');
    // The highest stack of all three series (2024: 15 + 9 + 4) fits from the first step on.
    expect(scales[0]!.max).toBeGreaterThanOrEqual(28);
    const painted = [(await paintedPixels(page, 'section#reihe-fuer-reihe'))[0]!];
    const firstSeries = (await colourPixels(page, 'reihe-fuer-reihe')).a;

    await page.keyboard.press('ArrowRight');
    // Only the new series animates: the first stays as it was drawn (its top corners now square).
    const whileGrowing = await colourPixels(page, 'reihe-fuer-reihe');
    expect(whileGrowing.a).toBeGreaterThanOrEqual(firstSeries);
    expect(whileGrowing.a).toBeLessThan(firstSeries * 1.01);
    await expectLengths(page, 'reihe-fuer-reihe', [3, 3, 0]);
    painted.push((await paintedPixels(page, 'section#reihe-fuer-reihe'))[0]!);
    await page.keyboard.press('ArrowRight');
    await expectLengths(page, 'reihe-fuer-reihe', [3, 3, 3]);
    painted.push((await paintedPixels(page, 'section#reihe-fuer-reihe'))[0]!);
    expect(painted[1]).toBeGreaterThan(painted[0]! + 1000);
    expect(painted[2]).toBeGreaterThan(painted[1]! + 1000);
    // The axis did not move while the chart grew.
    expect(await valueScales(page, 'reihe-fuer-reihe')).toEqual(scales);

    // The slide's own fragment comes after the chart's steps; the chart stays complete.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('section#reihe-fuer-reihe p.fragment.visible');
    await expectLengths(page, 'reihe-fuer-reihe', [3, 3, 3]);

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectLengths(page, 'reihe-fuer-reihe', [3, 3, 0]);
    expect((await paintedPixels(page, 'section#reihe-fuer-reihe'))[0]).toBe(painted[1]);
    expect(await page.$eval('html', (html, ready) => html.hasAttribute(ready), READY_ATTRIBUTE)).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('keeps every value in the data table at every step', async () => {
    const { page } = await openDeck(served.browser, `${served.url}#/reihe-fuer-reihe`);
    await expectLengths(page, 'reihe-fuer-reihe', [3, 0, 0]);
    const table = await page.$$eval('section#reihe-fuer-reihe table.deck-chart-data tr', (rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent)));
    expect(table).toEqual([
      ['', 'Cloud', 'KI', 'Lizenzen'],
      ['2022', '10\u00a0Mrd. US-$', '2\u00a0Mrd. US-$', '6\u00a0Mrd. US-$'],
      ['2023', '12,5\u00a0Mrd. US-$', '4\u00a0Mrd. US-$', '5\u00a0Mrd. US-$'],
      ['2024', '15\u00a0Mrd. US-$', '9\u00a0Mrd. US-$', '4\u00a0Mrd. US-$'],
    ]);
    await page.close();
  });
});

describe('steps: points', () => {
  it('shows the right state when jumping to a slide with steps already shown, and to fewer steps on the same slide', async () => {
    const { page, consoleErrors } = await openDeck(served.browser, served.url);
    await page.evaluate(() => window.Reveal.slide(2, 0, 1));
    await expectLengths(page, 'punkt-fuer-punkt', [3]);
    const data = await page.evaluate(({ names }) => window[names.hook]!(document.querySelector(`section#punkt-fuer-punkt ${names.chart}`)!)!.datasets[0]!.data, { names });
    expect(data).toEqual([1, 2, 10]);
    const scales = await valueScales(page, 'punkt-fuer-punkt');

    await page.evaluate(() => window.Reveal.slide(2, 0, -1));
    await expectLengths(page, 'punkt-fuer-punkt', [1]);
    // Only the first bar: its axis still reaches the highest bar to come.
    expect(await valueScales(page, 'punkt-fuer-punkt')).toEqual(scales);
    expect(scales[0]!.max).toBeGreaterThanOrEqual(10);

    await page.evaluate(() => window.Reveal.slide(2, 0, 2));
    await expectLengths(page, 'punkt-fuer-punkt', [4]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens a link to a step at that step', async () => {
    const { page } = await openDeck(served.browser, `${served.url}#/punkt-fuer-punkt/1`);
    await expectLengths(page, 'punkt-fuer-punkt', [3]);
    await page.close();
  });

  it('builds up every series of a line chart point by point', async () => {
    const { page } = await openDeck(served.browser, `${served.url}#/linie`);
    await expectLengths(page, 'linie', [1, 1]);
    const before = (await paintedPixels(page, 'section#linie'))[0]!;
    await page.keyboard.press('ArrowRight');
    await expectLengths(page, 'linie', [2, 2]);
    await page.keyboard.press('ArrowRight');
    await expectLengths(page, 'linie', [3, 3]);
    expect((await paintedPixels(page, 'section#linie'))[0]).toBeGreaterThan(before + 1000);
    await page.close();
  });

  it('adds a pie slice per step in its place, the slices shown unmoved, the legend complete', async () => {
    const { page } = await openDeck(served.browser, `${served.url}#/kreis`);
    await expect.poll(() => opaqueSlices(page, 'kreis'), { timeout: 3000 }).toEqual([true, false, false]);
    // The pie in the left part of the canvas, the legend on the right.
    const pie = { split: 0.8, right: false };
    const legend = await colourPixels(page, 'kreis', { split: 0.8, right: true });
    for (const colour of [legend.a, legend.b, legend.c]) expect(colour).toBeGreaterThan(100);
    const slices = [await colourPixels(page, 'kreis', pie)];
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => opaqueSlices(page, 'kreis'), { timeout: 3000 }).toEqual([true, true, false]);
    slices.push(await colourPixels(page, 'kreis', pie));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => opaqueSlices(page, 'kreis'), { timeout: 3000 }).toEqual([true, true, true]);
    slices.push(await colourPixels(page, 'kreis', pie));
    // 50 % of the circle first, its size and place unchanged as the next slices (30 %, 20 %) join.
    const [first, second, third] = slices;
    expect(first!.b).toBe(0);
    expect(second!.a).toBeGreaterThan(first!.a * 0.97);
    expect(second!.a).toBeLessThan(first!.a * 1.03);
    expect(Math.abs(second!.ax - first!.ax)).toBeLessThan(1);
    expect(Math.abs(third!.ax - first!.ax)).toBeLessThan(1);
    expect(second!.b / second!.a).toBeGreaterThan(0.5);
    expect(second!.b / second!.a).toBeLessThan(0.7);
    expect(third!.c / third!.a).toBeGreaterThan(0.3);
    expect(third!.c / third!.a).toBeLessThan(0.5);
    await page.close();
  });
});

it.each([
  ['wasserfall', 6, [[1], [2], [3], [4]]],
  ['kombi', 7, [[3, 0], [3, 3]]],
  ['flaeche', 8, [[1, 1], [2, 2], [3, 3], [4, 4]]],
])('builds up the %s chart step by step under fixed axes', async (section, h, states) => {
  const { page, consoleErrors } = await openDeck(served.browser, served.url);
  await page.evaluate((h) => window.Reveal.slide(h), h);
  await expectLengths(page, section, states[0]!);
  const scales = await valueScales(page, section);
  let painted = (await paintedPixels(page, `section#${section}`))[0]!;
  for (const state of states.slice(1)) {
    await page.keyboard.press('ArrowRight');
    await expectLengths(page, section, state);
    const now = (await paintedPixels(page, `section#${section}`))[0]!;
    expect(now).toBeGreaterThan(painted);
    painted = now;
  }
  expect(await valueScales(page, section)).toEqual(scales);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

describe('markers', () => {
  it('are reveal.js fragments the slide counts as its steps, none on a chart without steps', async () => {
    const { page } = await openDeck(served.browser, served.url);
    const counts = await page.$$eval(`section[id]`, (sections, step) => sections.map((s) => [s.id, s.querySelectorAll(`.fragment.${step}`).length]), CHART_STEP_CLASS);
    expect(Object.fromEntries(counts)).toEqual({ 'aufbau-in-schritten': 0, 'reihe-fuer-reihe': 2, 'punkt-fuer-punkt': 3, linie: 3, kreis: 2, 'ohne-schritte': 0, wasserfall: 3, kombi: 1, flaeche: 3 });
    await page.evaluate(() => window.Reveal.slide(5));
    await expectLengths(page, 'ohne-schritte', [2]);
    await page.close();
  });
});

describe('speaker view', () => {
  it("previews the current step, and the next slide's chart at its first step", async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${served.url}#/punkt-fuer-punkt`);
    await page.waitForSelector(`html[${READY_ATTRIBUTE}]`, { state: 'attached', timeout: 15_000 });
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
    /** Dataset lengths of the drawn chart in a preview frame's slide. */
    const previewLengths = (which: 'current' | 'upcoming', section: string) =>
      popup.$eval(
        `.speaker-${which} iframe`,
        (frame, { section, names }) => {
          const view = (frame as HTMLIFrameElement).contentWindow as Window | null;
          const figure = view?.document.querySelector(`section#${section} ${names.chart}`);
          if (!view || !figure?.hasAttribute(names.drawn)) return null;
          return view[names.hook]?.(figure)?.datasets.map((dataset) => dataset.data.length) ?? null;
        },
        { section, names },
      );
    await expect.poll(() => previewLengths('current', 'punkt-fuer-punkt'), { timeout: 10_000 }).toEqual([1]);
    await expect.poll(() => previewLengths('upcoming', 'linie'), { timeout: 10_000 }).toEqual([1, 1]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => previewLengths('current', 'punkt-fuer-punkt'), { timeout: 10_000 }).toEqual([3]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => previewLengths('current', 'punkt-fuer-punkt'), { timeout: 10_000 }).toEqual([2]);
    await context.close();
  });
});

describe('export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = exportTempDir();
    await exportDeck({ slidesDir: STEPS_DECK, out: join(dir, 'dist'), pdf: join(dir, 'steps.pdf'), fragments: true, png: join(dir, 'png') });
    await exportDeck({ slidesDir: STEPS_DECK, out: join(dir, 'dist'), pdf: join(dir, 'complete.pdf') });
  });

  it('--fragments: one PDF page and one PNG per step, each drawing its own step', async () => {
    const pdf = await readPdf(join(dir, 'steps.pdf'));
    const deck = compileFolder(STEPS_DECK);
    // Each slide, and a page more for each fragment: the chart steps and the series slide's own.
    const fragments = deck.slides.reduce((sum, slide) => sum + (slide.html.match(/class="fragment/g) ?? []).length, 0);
    expect(fragments).toBe(3 + 3 + 3 + 2 + 3 + 1 + 3);
    expect(pdf.pages).toBe(deck.slides.length + fragments);
    const pagesOf = (title: string) => pdf.text.filter((text) => text.startsWith(`${title} `));
    const pie = pagesOf('Kreis');
    expect(pie.map((text) => ['50 %', '30 %', '20 %'].filter((label) => text.includes(label)))).toEqual([['50 %'], ['50 %', '30 %'], ['50 %', '30 %', '20 %']]);
    // The bars' value labels come one by one (the axis' ticks are even numbers), under the complete chart's axis.
    const bars = pagesOf('Punkt für Punkt');
    expect(bars.map((text) => text.includes('3 Mrd. US-$'))).toEqual([false, false, false, true]);
    for (const text of bars) expect(text).toContain('12 Mrd. US-$');

    const pngs = readdirSync(join(dir, 'png'));
    expect(pngs).toHaveLength(pdf.pages);
    // Slice C's colour left of the legend (which names every slice from the start).
    const sliceC = (file: string) => countColour(readPng(join(dir, 'png', file)), [0xc0, 0x39, 0x2b], { x: 0, y: 0, width: 1000, height: 720 }, 8);
    expect(sliceC('slide-005.png')).toBe(0);
    expect(sliceC('slide-005-2.png')).toBe(0);
    expect(sliceC('slide-005-3.png')).toBeGreaterThan(2000);
  });

  it('without --fragments: one page per slide, every chart complete', async () => {
    const pdf = await readPdf(join(dir, 'complete.pdf'));
    expect(pdf.pages).toBe(compileFolder(STEPS_DECK).slides.length);
    expect(pdf.text.find((text) => text.startsWith('Kreis '))).toContain('20 %');
    expect(pdf.text.find((text) => text.startsWith('Punkt für Punkt '))).toContain('3 Mrd. US-$');
  });
});
