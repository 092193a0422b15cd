/**
 * Every theme reveal.js ships works by name: the English fixture deck, built
 * with `theme: <name>`, loads nothing from any host but its own (the theme's
 * web fonts are self-hosted, and its fonts do load), keeps the deck's layout
 * classes, and draws its charts in the text colour of the theme on each slide
 * (light and dark backgrounds alike).
 */
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { PAGE_NAMES } from '../../src/page-contract.ts';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { REVEAL_THEMES } from '../../src/themes.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { openDeck } from '../support/deck-page.ts';

const FIXTURE = new URL('../fixtures/english-deck', import.meta.url).pathname;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

/** The fixture deck with `theme: <name>` added to its settings. */
function deckWithTheme(theme: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `deck-theme-${theme}-`)), 'slides');
  cpSync(FIXTURE, dir, { recursive: true });
  appendFileSync(join(dir, 'deck.yaml'), `theme: ${theme}\n`);
  return dir;
}

interface SlideLook {
  id: string;
  layout: { direction: string; justify: string };
  /** The figure's text colour (the theme's, on this slide) and how many of the chart's solid pixels have it (its labels and values). */
  chart: { text: string; pixelsInTextColour: number } | null;
}

describe('reveal.js themes by name', () => {
  it.each(REVEAL_THEMES.map((theme) => [theme]))('%s', async (theme) => {
    const server = await serveStatic(await buildFixture(deckWithTheme(theme)));
    const { page, deck, foreignRequests } = await openDeck(browser, server.url);
    try {

      // Every slide once, each chart drawn, so every font and asset a slide needs is requested.
      const looks: SlideLook[] = [];
      const count = await page.evaluate(() => window.Reveal.getTotalSlides());
      for (let index = 0; index < count; index++) {
        await page.evaluate((h) => window.Reveal.slide(h), index);
        await page.waitForFunction((names) => Array.from(window.Reveal.getCurrentSlide().querySelectorAll(names.chart)).every((f) => f.hasAttribute(names.drawn)), PAGE_NAMES);
        looks.push(
          await page.evaluate((names) => {
            const pixelsIn = (canvas: HTMLCanvasElement, colour: string) => {
              const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
              const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
              let count = 0;
              for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3]! >= 250 && Math.abs(data[i]! - r!) <= 3 && Math.abs(data[i + 1]! - g!) <= 3 && Math.abs(data[i + 2]! - b!) <= 3) count++;
              }
              return count;
            };
            const section = window.Reveal.getCurrentSlide();
            const style = getComputedStyle(section);
            const figure = section.querySelector(names.chart);
            return {
              id: section.id,
              layout: { direction: style.flexDirection, justify: style.justifyContent },
              chart: figure ? { text: getComputedStyle(figure).color, pixelsInTextColour: pixelsIn(figure.querySelector('canvas')!, getComputedStyle(figure).color) } : null,
            };
          }, PAGE_NAMES),
        );
      }
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        const family = getComputedStyle(document.querySelector('.reveal')!).fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
        const faces = Array.from(document.fonts).filter((face) => face.family.replace(/^["']|["']$/g, '') === family);
        return { family, declared: faces.length, loaded: faces.filter((face) => face.status === 'loaded').length };
      });
      // The chart's data table stays for screen readers only (clipped away).
      const dataTable = await page.$eval('.deck-chart-data', (table) => ({ position: getComputedStyle(table).position, clip: getComputedStyle(table).clipPath }));

      expect(foreignRequests).toEqual([]);
      // A theme that names a web font declares it here, and the slides load it.
      if (fonts.declared > 0) expect(fonts.loaded, fonts.family).toBeGreaterThan(0);
      expect(looks.every((look) => look.layout.direction === 'column')).toBe(true);
      expect(looks.find((look) => look.id === 'practising-the-talk')?.layout.justify).toBe('center');
      expect(dataTable).toEqual({ position: 'absolute', clip: 'inset(50%)' });
      const charts = looks.filter((look) => look.chart);
      expect(charts.map((look) => look.id)).toEqual(['figures', 'on-a-dark-background']);
      // Axis labels and values are drawn in the theme's text colour of their slide (light on dark slides).
      for (const look of charts) expect({ slide: look.id, colour: look.chart!.text, pixels: look.chart!.pixelsInTextColour }).toEqual({ slide: look.id, colour: look.chart!.text, pixels: expect.toSatisfy((n: number) => n >= 30) });
    } finally {
      await deck.close();
      await server.close();
    }
  });
});
