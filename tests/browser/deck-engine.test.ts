/** The built sample deck in a real Chromium: navigation, charts drawn, notes, readiness, offline. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { SAMPLE_DECK } from '../support/build-fixture.ts';
import { openDeck, paintedPixels } from '../support/deck-page.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, PAGE_NAMES, PRINT_FLAGS, READY_ATTRIBUTE } from '../../src/page-contract.ts';

const served = serveBuiltDeck(SAMPLE_DECK);

describe('built deck', () => {
  it('visits every slide, draws every chart and shows the notes', async () => {
    const { page, foreignRequests, consoleErrors } = await openDeck(served.browser, served.url);
    expect(await page.evaluate(() => typeof window.Reveal.getIndices)).toBe('function');
    const slides = await page.evaluate(
      (names) => window.Reveal.getSlides().map((s) => ({ id: s.id, charts: s.querySelectorAll(names.chart).length, notes: s.querySelector(names.notes)?.textContent ?? '' })),
      PAGE_NAMES,
    );
    expect(slides.map((s) => s.id)).toEqual(['beispiel-deck', 'liste-mit-fragmenten', 'investitionen', 'umsatzanteil', 'stapel-oben', 'stapel-unten']);
    expect(slides.filter((s) => s.notes).length).toBe(5);
    expect(slides[2]!.notes).toContain('13 Mrd. US-$ insgesamt');

    for (const [index, slide] of slides.entries()) {
      await page.evaluate((i) => {
        const target = window.Reveal.getSlides()[i]!;
        const { h, v } = window.Reveal.getIndices(target);
        window.Reveal.slide(h, v ?? 0);
      }, index);
      expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe(slide.id);
      if (slide.charts > 0) {
        // Within a second on an idle machine (animation 0.5 s); room for a busy CI machine.
        await page.waitForSelector(`section#${slide.id} ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 2000 });
        const pixels = await paintedPixels(page, `section#${slide.id}`);
        expect(pixels[0]).toBeGreaterThan(5000);
      }
    }
    await page.waitForURL(/#\/stapel-unten$/, { timeout: 2000 });
    expect(await page.evaluate((ready) => document.documentElement.hasAttribute(ready), READY_ATTRIBUTE)).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('keeps charts lazy: Chart.js is not needed to show a first slide without charts', async () => {
    const { page } = await openDeck(served.browser, served.url);
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    // Fetched at the earliest once the deck is ready (idle prefetch), never on the way to the first slide.
    const timing = await page.evaluate(() => ({
      ready: performance.getEntriesByName('deck-ready')[0]!.startTime,
      chartsFetched: performance.getEntriesByType('resource').find((e) => e.name.includes('draw-chart'))?.startTime ?? null,
    }));
    expect(timing.chartsFetched === null || timing.chartsFetched >= timing.ready).toBe(true);
    await page.evaluate(() => window.Reveal.slide(2));
    await page.waitForSelector(`section#investitionen ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 2000 });
    expect((await scripts()).some((name) => name.includes('draw-chart'))).toBe(true);
    await page.evaluate(() => window.Reveal.slide(3));
    await page.waitForSelector(`section#umsatzanteil ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 2000 });
    // The chart of the slide left behind is destroyed.
    expect(await page.$(`section#investitionen ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`)).toBeNull();
    await page.close();
  });

  it('draws every chart up front in the print view at 2x density', async () => {
    const { page } = await openDeck(served.browser, `${served.url}?${PRINT_FLAGS.printPdf}`);
    const figures = await page.$$eval(CHART_SELECTOR, (all, drawn) => all.map((f) => f.hasAttribute(drawn)), DRAWN_ATTRIBUTE);
    expect(figures).toEqual([true, true]);
    const ratio = await page.$eval(`${CHART_SELECTOR} canvas`, (c) => (c as HTMLCanvasElement).width / c.getBoundingClientRect().width);
    expect(ratio).toBeGreaterThanOrEqual(1.99);
    const pixels = await paintedPixels(page, CHART_SELECTOR);
    expect(Math.min(...pixels)).toBeGreaterThan(5000);
    await page.close();
  });

  it('works from a sub-folder of a static host (relative URLs)', async () => {
    const host = mkdtempSync(join(tmpdir(), 'deck-host-'));
    cpSync(served.dist, join(host, 'talks', '2025'), { recursive: true });
    const nested = await serveStatic(host);
    try {
      const { page, consoleErrors } = await openDeck(served.browser, `${nested.url}talks/2025/`);
      await page.evaluate(() => window.Reveal.slide(2));
      await page.waitForSelector(`section#investitionen ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 2000 });
      const fontsLoaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length);
      expect(fontsLoaded).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      await page.close();
    } finally {
      await nested.close();
    }
  });

  it('keeps the chart data as a visually hidden table, shown without scripts', async () => {
    const { page } = await openDeck(served.browser, served.url);
    const hidden = await page.$eval('table.deck-chart-data', (t) => getComputedStyle(t).clipPath);
    expect(hidden).toBe('inset(50%)');
    const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
    const noScript = await context.newPage();
    await noScript.goto(served.url);
    const box = await noScript.$eval('table.deck-chart-data', (t) => t.getBoundingClientRect().height);
    expect(box).toBeGreaterThan(20);
    await context.close();
    await page.close();
  });
});
