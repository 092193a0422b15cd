/**
 * Columns and slide layouts on the built deck (tests/fixtures/layouts-deck) at 16:9, 16:10 and 4:3:
 * every block inside the slide, columns side by side (never one under another) with their content
 * inside them, charts drawn in their column, the image of image-left/right filling its half, the
 * cover's photo full-bleed (its hashed copy) under a scrim that keeps the text readable, kpi figures
 * in one row; `deck check` at 0 findings there and its overflow rule on tests/fixtures/layouts-overflow;
 * and the PDF: a page per slide with each layout's text, the picture and the cover in their places.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { CHART_SELECTOR, COLUMN_CLASS, COLUMNS_CLASS, DRAWN_ATTRIBUTE, LAYOUT_CLASSES, LINE_ATTRIBUTE } from '../../src/page-contract.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { openDeck, paintedPixels, type DeckPage } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPdf } from '../support/pdf-reader.ts';
import { readPng } from '../support/png-image.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const LAYOUTS_DECK = join(FIXTURES, 'layouts-deck');
const ASPECTS = [
  { aspect: '16:9', width: 1280, height: 720 },
  { aspect: '16:10', width: 1280, height: 800 },
  { aspect: '4:3', width: 1024, height: 768 },
] as const;
const NAMES = { columns: `.${COLUMNS_CLASS}`, column: `.${COLUMN_CLASS}`, line: LINE_ATTRIBUTE, layout: LAYOUT_CLASSES, chart: CHART_SELECTOR, drawn: DRAWN_ATTRIBUTE };
type Names = typeof NAMES;

/** A copy of the fixture deck at another aspect (its front matter's `aspect:`). */
function deckAt(aspect: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'layouts-deck-')), 'slides');
  cpSync(LAYOUTS_DECK, dir, { recursive: true });
  const first = join(dir, '01-columns.md');
  writeFileSync(first, readFileSync(first, 'utf8').replace('aspect: "16:9"', `aspect: "${aspect}"`));
  return dir;
}

/** Shows slide `index` (flat) at once and waits until its charts are drawn. */
async function show(page: Page, index: number, names: Names): Promise<string> {
  await page.evaluate((i) => {
    const { h, v } = window.Reveal.getIndices(window.Reveal.getSlides()[i]);
    window.Reveal.slide(h, v);
  }, index);
  await page.waitForFunction(({ chart, drawn }) => [...window.Reveal.getCurrentSlide().querySelectorAll(chart)].every((figure) => figure.hasAttribute(drawn)), names);
  return page.evaluate(() => window.Reveal.getCurrentSlide().id);
}

/**
 * Runs in the page: what is wrong with the current slide's layout, in words. Every block (what has a
 * Markdown line, and the layouts' boxes) lies inside the slide; the columns of a row stand side by
 * side at one height, each at least 100 px wide, with everything in a column (text too) inside it.
 */
function layoutProblems(names: Names): string[] {
  const section = window.Reveal.getCurrentSlide() as HTMLElement;
  const slide = section.getBoundingClientRect();
  const scale = slide.width / section.offsetWidth;
  const tolerance = 1;
  const problems: string[] = [];
  const name = (element: Element) => `<${element.tagName.toLowerCase()}${element.getAttribute(names.line) ? ` line ${element.getAttribute(names.line)}` : ''}>`;
  const seen = (element: Element) => {
    const box = element.getBoundingClientRect();
    return element.closest('aside, .deck-chart-data') === null && box.width > 1 && box.height > 1 && getComputedStyle(element).visibility === 'visible';
  };
  const blocks = section.querySelectorAll(`[${names.line}], ${Object.values(names.layout).map((c) => `.${c}`).join(', ')}`);
  for (const block of blocks) {
    if (!seen(block)) continue;
    const box = block.getBoundingClientRect();
    const out = [box.top < slide.top - tolerance && 'top', box.right > slide.right + tolerance && 'right', box.bottom > slide.bottom + tolerance && 'bottom', box.left < slide.left - tolerance && 'left'].filter(Boolean);
    if (out.length) problems.push(`${name(block)} leaves the slide at the ${out.join(' and ')}`);
  }
  for (const row of section.querySelectorAll(names.columns)) {
    const columns = [...row.children].filter((child) => child.matches(names.column));
    const boxes = columns.map((column) => column.getBoundingClientRect());
    boxes.forEach((box, i) => {
      if (box.width / scale < 100) problems.push(`column ${i + 1} is only ${Math.round(box.width / scale)} px wide`);
      const before = boxes[i - 1];
      if (before && box.left < before.right - tolerance) problems.push(`column ${i + 1} wraps under column ${i} (or over it)`);
      if (before && Math.abs(box.top - before.top) > tolerance) problems.push(`column ${i + 1} starts ${Math.round((box.top - before.top) / scale)} px below column ${i}`);
    });
    columns.forEach((column, i) => {
      const box = boxes[i]!;
      const inside = (rect: DOMRect) => rect.width === 0 || (rect.left >= box.left - tolerance && rect.right <= box.right + tolerance);
      for (const element of column.querySelectorAll('*')) {
        if (seen(element) && !inside(element.getBoundingClientRect())) problems.push(`${name(element)} runs out of column ${i + 1}`);
      }
      const text = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
      for (let node = text.nextNode(); node; node = text.nextNode()) {
        if (!node.textContent!.trim() || !seen(node.parentElement!)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if (![...range.getClientRects()].every(inside)) problems.push(`text "${node.textContent!.trim().slice(0, 20)}" runs out of column ${i + 1}`);
      }
    });
  }
  return problems;
}

/** WCAG contrast ratio of two sRGB colours (0–255 channels). */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const rgbOf = (css: string) => css.match(/[\d.]+/g)!.map(Number);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(ASPECTS)('the layouts deck at $aspect', ({ aspect, width, height }) => {
  let server: StaticServer;
  let dist: string;
  let slidesDir: string;
  let deck: DeckPage;

  beforeAll(async () => {
    slidesDir = deckAt(aspect);
    dist = await buildFixture(slidesDir);
    server = await serveStatic(dist);
    deck = await openDeck(browser, server.url, { width, height });
    await deck.page.evaluate(() => window.Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
  }, 60_000);

  afterAll(async () => {
    await deck?.page.close();
    await server?.close();
  });

  it('keeps every block inside the slide and every column beside the others, on every slide', async () => {
    const { page } = deck;
    expect(await page.evaluate(() => [window.Reveal.getConfig().width, window.Reveal.getConfig().height])).toEqual([width, height]);
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    expect(total).toBe(11);
    const found: Record<string, string[]> = {};
    for (let i = 0; i < total; i++) {
      const id = await show(page, i, NAMES);
      const problems = await page.evaluate(layoutProblems, NAMES);
      if (problems.length) found[id] = problems;
    }
    expect(found).toEqual({});
    expect(deck.consoleErrors).toEqual([]);
  });

  it('sees a column that wraps under another and a block that leaves the slide (the check above can fail)', async () => {
    const { page } = deck;
    await show(page, 1, NAMES);
    const style = await page.addStyleTag({ content: `.reveal .${COLUMNS_CLASS} { flex-wrap: wrap } .reveal .${COLUMN_CLASS} { flex-basis: 100% }` });
    expect(await page.evaluate(layoutProblems, NAMES)).toContain('column 2 wraps under column 1 (or over it)');
    await style.evaluate((node) => (node as HTMLElement).remove());
    await show(page, 7, NAMES);
    const pushed = await page.addStyleTag({ content: `.reveal .${LAYOUT_CLASSES.kpis} { margin-top: ${height}px }` });
    expect((await page.evaluate(layoutProblems, NAMES)).join('\n')).toMatch(/<ul line \d+> leaves the slide at the bottom/);
    await pushed.evaluate((node) => (node as HTMLElement).remove());
  });

  it('gives a column with a width its share of the row, and draws a chart in its column', async () => {
    const { page } = deck;
    await show(page, 1, NAMES);
    const widths = await page.$$eval(`section.present .${COLUMN_CLASS}`, (columns) => columns.map((column) => column.getBoundingClientRect().width));
    expect(widths[0]! / (widths[0]! + widths[1]!)).toBeCloseTo(0.4, 2);
    const painted = await paintedPixels(page, `section.present .${COLUMN_CLASS} ${CHART_SELECTOR}`);
    expect(painted).toHaveLength(1);
    expect(painted[0]).toBeGreaterThan(1000);
    const chart = await page.$eval(`section.present .${COLUMN_CLASS} ${CHART_SELECTOR} canvas`, (canvas) => canvas.getBoundingClientRect().width);
    expect(chart).toBeLessThanOrEqual(widths[1]! + 1);
  });

  it('fills one half of an image-left and an image-right slide with the image, the text in the other half', async () => {
    const { page } = deck;
    for (const [index, side] of [[4, 'left'], [5, 'right']] as const) {
      await show(page, index, NAMES);
      const layout = await page.evaluate((image) => {
        const section = window.Reveal.getCurrentSlide();
        const slide = section.getBoundingClientRect();
        const img = section.querySelector(`.${image} img`) as HTMLImageElement;
        const text = [...section.querySelectorAll(':scope > :not(.' + image + ')')].map((element) => element.getBoundingClientRect());
        const box = img.getBoundingClientRect();
        return {
          loaded: img.complete && img.naturalWidth > 0,
          image: [box.left - slide.left, box.top - slide.top, box.width, box.height].map((n) => n / (slide.width / section.offsetWidth)),
          textLeft: Math.min(...text.map((r) => r.left - slide.left)) / (slide.width / section.offsetWidth),
          textRight: Math.max(...text.map((r) => r.right - slide.left)) / (slide.width / section.offsetWidth),
        };
      }, LAYOUT_CLASSES.image);
      expect(layout.loaded).toBe(true);
      const [left, top, w, h] = layout.image.map(Math.round) as [number, number, number, number];
      expect([left, top, w, h]).toEqual([side === 'left' ? 0 : width / 2, 0, width / 2, height]);
      if (side === 'left') expect(layout.textLeft).toBeGreaterThanOrEqual(width / 2);
      else expect(layout.textRight).toBeLessThanOrEqual(width / 2);
    }
  });

  it('shows the cover photo full-bleed from its hashed copy, with the text on a scrim that keeps it readable', async () => {
    const { page } = deck;
    await show(page, 6, NAMES);
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.slide-background.present .slide-background-content')!).backgroundImage);
    const file = /assets\/cover-[\w-]{8}\.jpg/.exec(background)?.[0];
    expect(file, background).toBeDefined();
    expect(existsSync(join(dist, file!))).toBe(true);
    const card = await page.evaluate((coverText) => {
      const box = document.querySelector(`section.present .${coverText}`)!;
      const rect = box.getBoundingClientRect();
      return {
        scrim: getComputedStyle(box).backgroundColor,
        text: [...box.querySelectorAll('h1, p')].map((element) => getComputedStyle(element).color),
        corner: { x: Math.round(rect.left + 6), y: Math.round(rect.top + 6) },
      };
    }, LAYOUT_CLASSES.coverText);
    // Worst case: the scrim over a white photo.
    const [r, g, b, alpha] = rgbOf(card.scrim) as [number, number, number, number];
    const overWhite = [r, g, b].map((c) => c * alpha + 255 * (1 - alpha));
    for (const colour of card.text) expect(contrast(rgbOf(colour).slice(0, 3), overWhite), colour).toBeGreaterThanOrEqual(4.5);
    // As painted: the photo at the screen's corner (beyond the slide box) and under the card's padding.
    const shot = join(mkdtempSync(join(tmpdir(), 'cover-')), 'cover.png');
    await page.screenshot({ path: shot });
    const png = readPng(shot);
    const [cr, , cb] = png.pixel(2, 2);
    expect(cb).toBeGreaterThan(cr + 40); // the blue sky of the photo, not the black under it
    const painted = png.pixel(card.corner.x, card.corner.y);
    for (const colour of card.text) expect(contrast(rgbOf(colour).slice(0, 3), painted)).toBeGreaterThanOrEqual(4.5);
  });

  it('sets the kpi figures in one row, large, each over its label', async () => {
    const { page } = deck;
    for (const index of [7, 8]) {
      await show(page, index, NAMES);
      const figures = await page.$$eval(`section.present ul.${LAYOUT_CLASSES.kpis} > li`, (items) =>
        items.map((item) => {
          const figure = item.querySelector('strong')!;
          const box = figure.getBoundingClientRect();
          const label = item.getBoundingClientRect();
          return { top: Math.round(label.top), left: box.left, size: parseFloat(getComputedStyle(figure).fontSize), inItem: box.left >= label.left - 1 && box.right <= label.right + 1 };
        }),
      );
      expect(figures.length).toBe(index === 7 ? 3 : 4);
      expect(new Set(figures.map((f) => f.top)).size).toBe(1);
      expect(figures.map((f) => f.left)).toEqual([...figures.map((f) => f.left)].sort((a, b) => a - b));
      expect(figures.every((f) => f.inItem && f.size >= 40)).toBe(true);
    }
  });

  it('passes deck check without a finding', async () => {
    const report = await runCheck({ slidesDir }, { browser });
    expect(report.rendered).toBe(true);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message} [${d.code}]`)).toEqual([]);
  }, 90_000);
});

describe('deck check on layouts that overflow', () => {
  it('reports each overflow at its line: out of a column, beside a picture, on a cover, in a quote', async () => {
    const report = await runCheck({ slidesDir: join(FIXTURES, 'layouts-overflow') }, { browser });
    expect(report.diagnostics.map((d) => [d.line, d.code, d.message.replace(/ by \d+ px.*/, '')])).toEqual([
      [10, 'overflow', 'content overflows its column at the right'],
      [31, 'overflow', 'content overflows the slide at the bottom'],
      [38, 'overflow', 'content overflows the slide at the top'],
      [51, 'overflow', 'content overflows the slide at the bottom'],
    ]);
  }, 90_000);
});

describe('the PDF of the layouts deck', () => {
  it('has a page per slide with each layout\'s text, the picture in its half and the cover photo behind its card', async () => {
    const dir = exportTempDir();
    const pdf = join(dir, 'layouts.pdf');
    await exportDeck({ slidesDir: LAYOUTS_DECK, out: join(dir, 'dist'), pdf });
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(11);
    const expected: [number, string[]][] = [
      [2, ['Text beside a chart', 'Revenue grew in every year', 'Revenue per year']],
      [3, ['Build', 'Buy', 'Partner', 'high', 'short', "const partner = 'the best of both';"]],
      [4, ['Microsoft', 'invests and hosts', 'OpenAI', 'builds the models']],
      [5, ['A picture on the left', 'The image fills the left half']],
      [6, ['A picture on the right']],
      [7, ['A cover over a photo', 'The title stands on a scrim']],
      [8, ['13 bn US-$', 'invested', '80 bn US-$', '20 → 10 %', 'revenue share']],
      [9, ['1,200', 'employees', '3.5 bn US-$', '42', 'countries']],
      [10, ['We are below them, above them, around them.', '— Satya Nadella, 2023']],
    ];
    for (const [page, words] of expected) for (const word of words) expect(text[page - 1], `page ${page}`).toContain(word);
    // Pictured: the image's half is painted (warm colours), the text's half is white; the cover's sky above its dark card.
    execFileSync('pdftoppm', ['-r', '24', '-png', '-f', '5', '-l', '7', pdf, join(dir, 'page')]);
    const page = (n: number) => readPng(join(dir, `page-${String(n).padStart(2, '0')}.png`));
    const left = page(5);
    expect(left.pixel(Math.round(left.width * 0.25), Math.round(left.height * 0.1))[0]).toBeGreaterThan(200);
    expect(left.pixel(Math.round(left.width * 0.25), Math.round(left.height * 0.1))[2]).toBeLessThan(150);
    expect(left.pixel(Math.round(left.width * 0.95), Math.round(left.height * 0.9))).toEqual([255, 255, 255]);
    const right = page(6);
    expect(right.pixel(Math.round(right.width * 0.75), Math.round(right.height * 0.1))[2]).toBeLessThan(150);
    expect(right.pixel(Math.round(right.width * 0.05), Math.round(right.height * 0.9))).toEqual([255, 255, 255]);
    const cover = page(7);
    const [sr, , sb] = cover.pixel(Math.round(cover.width * 0.5), 3);
    expect(sb).toBeGreaterThan(sr + 40);
    expect(Math.max(...cover.pixel(Math.round(cover.width * 0.08), Math.round(cover.height * 0.85)))).toBeLessThan(110);
  }, 120_000);
});
